/**
 * The practical upper bound of the pipeline: wink-nlp alone, with the pipe the TextModel uses
 * (`sbd`, `pos`), reading the token properties it reads (value, preceding spaces, type, POS,
 * lemma, stop-word flag) and the sentence spans — nothing else. It is the same wink-nlp module
 * and model as @leximap/core's, resolved from there.
 *
 * `bareWinkSeconds` runs it in this thread: the bound of one worker. `bareWinkThreadsSeconds` runs
 * it in N threads at once over interleaved files: the bound of the speed-up on this machine, where
 * two busy threads are slower each than one alone (shared caches, V8's own helper threads).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Piscina } from 'piscina';

interface Its {
  value: unknown;
  precedingSpaces: unknown;
  type: unknown;
  pos: unknown;
  lemma: unknown;
  stopWordFlag: unknown;
  span: unknown;
}
interface Collection {
  out(f: unknown): unknown[];
}
interface Nlp {
  its: Its;
  readDoc(text: string): { tokens(): Collection; sentences(): Collection };
}

function loadNlp(): Nlp {
  // Resolved from @leximap/core, and without import.meta.resolve: piscina's workers load this file as CommonJS.
  const fromCore = createRequire(createRequire(import.meta.url).resolve('@leximap/core'));
  const winkNLP = fromCore('wink-nlp') as (model: unknown, pipe: string[]) => Nlp;
  return winkNLP(fromCore('wink-eng-lite-web-model'), ['sbd', 'pos']);
}

/** The `.txt` files of the folders, in order. */
export async function textFiles(folders: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) files.push(...(await readdir(folder)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f)));
  return files;
}

/** Seconds wink-nlp takes over `texts`, read before. */
function tokenise(nlp: Nlp, texts: readonly string[]): number {
  const its = nlp.its;
  let sink = 0;
  const t0 = performance.now();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    sink += tokens.out(its.value).length;
    tokens.out(its.precedingSpaces);
    tokens.out(its.type);
    tokens.out(its.pos);
    tokens.out(its.lemma);
    tokens.out(its.stopWordFlag);
    sink += doc.sentences().out(its.span).length;
  }
  if (sink < 0) console.log(sink);
  return (performance.now() - t0) / 1000;
}

const readAll = (files: readonly string[]): Promise<string[]> => Promise.all(files.map((f) => readFile(f, 'utf8')));

/** Seconds wink-nlp takes over the files in this thread (reading them first is not timed). */
export async function bareWinkSeconds(files: readonly string[]): Promise<number> {
  return tokenise(loadNlp(), await readAll(files));
}

/**
 * Seconds N threads take together over the files, thread k taking every N-th file: each loads
 * wink-nlp and reads its files first (not timed), then all start at once; the time is the slowest
 * thread's. The threads are a piscina pool, as the pipeline's workers are.
 */
export async function bareWinkThreadsSeconds(files: readonly string[], threads: number): Promise<number> {
  const pool = new Piscina({ filename: import.meta.url, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: 1 });
  const barrier = new Int32Array(new SharedArrayBuffer(4));
  try {
    const parts = Array.from({ length: threads }, (_, k) => pool.run({ files: files.filter((_, i) => i % threads === k), barrier, threads }) as Promise<number>);
    return Math.max(...(await Promise.all(parts)));
  } finally {
    await pool.destroy();
  }
}

/** A thread of `bareWinkThreadsSeconds`: reads its files, waits until every thread has, then times wink-nlp. */
export default async function bareWinkThread({ files, barrier, threads }: { files: string[]; barrier: Int32Array; threads: number }): Promise<number> {
  const nlp = loadNlp();
  const texts = await readAll(files);
  Atomics.add(barrier, 0, 1);
  Atomics.notify(barrier, 0);
  for (let seen = Atomics.load(barrier, 0); seen < threads; seen = Atomics.load(barrier, 0)) Atomics.wait(barrier, 0, seen);
  return tokenise(nlp, texts);
}
