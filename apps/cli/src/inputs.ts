/**
 * What `leximap analyze` records of its own call in result.json (`inputs`), and the arguments
 * that call it again: the input paths and the analysis flags, with every path relative to the
 * output folder, so that `leximap serve` re-runs a result from the viewer wherever it was started.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResultInputs } from '@leximap/core';

/** Flags that do not change the result: where it goes, how many threads, what is printed. */
const NOT_RECORDED = new Set(['out', 'workers', 'timings', 'json', 'quiet', 'progress', 'help', 'no-cache']);
/** Flags whose value is a path. */
const PATH_FLAGS = new Set(['stopwords', 'merge', 'seeds', 'codes']);

const fromOut = (outDir: string, path: string): string => relative(resolve(outDir), resolve(path)).split('\\').join('/') || '.';

export function recordInputs(paths: readonly string[], values: Readonly<Record<string, string | boolean | string[] | undefined>>, outDir: string): ResultInputs {
  const options: ResultInputs['options'] = {};
  for (const flag of Object.keys(values).sort()) {
    const value = values[flag];
    if (value === undefined || value === false || NOT_RECORDED.has(flag)) continue;
    options[flag] = PATH_FLAGS.has(flag) && typeof value === 'string' ? fromOut(outDir, value) : Array.isArray(value) ? [...value] : value;
  }
  return { paths: paths.map((p) => fromOut(outDir, p)), options };
}

/**
 * The `analyze` arguments that run `inputs` (recorded in the result.json of folder `resultDir`)
 * again into `outDir`, with the flags in `replace` instead of the recorded ones.
 */
export function rerunArguments(inputs: ResultInputs, resultDir: string, outDir: string, replace: Record<string, string>): string[] {
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(resultDir, p));
  const args = inputs.paths.map(at);
  const options: ResultInputs['options'] = { ...inputs.options, ...replace };
  for (const [flag, value] of Object.entries(options)) {
    if (value === true) args.push(`--${flag}`);
    else if (Array.isArray(value)) for (const v of value) args.push(`--${flag}=${v}`);
    else if (typeof value === 'string') args.push(`--${flag}=${PATH_FLAGS.has(flag) && !(flag in replace) ? at(value) : value}`);
  }
  args.push('-o', outDir, '--quiet');
  return args;
}
