/**
 * The CommonJS packages io's readers load on demand, with Node's `require` (as core's
 * `requireCjs`; `import()` first runs Node's CommonJS export lexer over the whole source): exceljs
 * took 384 ms to import against 242 ms to require, mammoth 106 against 81 ms (fresh processes).
 * `pnpm pack:cli` adds this list to the tarball's dependencies (apps/cli/tsup.config.ts), since a
 * `require` is no import in the build's metafile.
 */
import { createRequire } from 'node:module';

export const REQUIRED_PACKAGES = ['exceljs', 'mammoth'] as const;

/** `require(name)` from here, where io's dependencies resolve. */
export function requireCjs<T>(name: (typeof REQUIRED_PACKAGES)[number]): T {
  return createRequire(import.meta.url)(name) as T;
}
