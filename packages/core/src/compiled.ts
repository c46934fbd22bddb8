/**
 * Whether this code runs from the compiled `leximap` command (apps/cli/dist, built by
 * apps/cli/tsup.config.ts, which defines `__LEXIMAP_DIST__`) rather than from the TypeScript
 * sources. There, the worker, the viewer and the fonts sit beside the code and nothing is built
 * at run time.
 */
declare const __LEXIMAP_DIST__: true | undefined;

export const COMPILED: boolean = typeof __LEXIMAP_DIST__ !== 'undefined';
