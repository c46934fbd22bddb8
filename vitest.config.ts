import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/real/**', 'test/browser/**', '**/node_modules/**'],
    globalSetup: ['test/build-cli.ts'],
    testTimeout: 60_000,
  },
});
