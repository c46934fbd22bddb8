/**
 * The CommonJS packages core loads on demand, with Node's `require`: `import()` of a CommonJS
 * package first runs Node's CommonJS export lexer over its whole source, which `require` skips.
 * snowball-stemmers (one 868 kB file) took 70–88 ms to import against 16–20 ms to require, VADER
 * 42 against 15 ms, wink-nlp with its model 92–102 against 83–85 ms (fresh processes, three runs
 * each). A `require` is no import in the build's metafile, so `pnpm pack:cli` adds this list to
 * the tarball's dependencies (apps/cli/tsup.config.ts).
 */
export const REQUIRED_PACKAGES = ['snowball-stemmers', 'vader-sentiment', 'wink-eng-lite-web-model', 'wink-nlp'] as const;

/**
 * `require(name)` from here. Through `process.getBuiltinModule`, so that core, which the viewer
 * bundles for the browser, imports nothing of Node's; it is only called in Node.
 */
export function requireCjs<T>(name: (typeof REQUIRED_PACKAGES)[number]): T {
  const { createRequire } = process.getBuiltinModule('node:module');
  return createRequire(import.meta.url)(name) as T;
}
