import { defineConfig } from 'vitest/config';

/** Checks on the real corpora in ../shared/data (not in the repo); `.ci/run` runs them when ../shared exists. */
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
