/**
 * One benchmark run in its own process (so peak RSS is this run's): analyses a folder with N
 * workers and prints one JSON line; with `--bare`, then also times bare wink-nlp on the same files.
 * Usage: tsx benchmarks/src/run.ts FOLDER... --workers N [--bare]
 */
import { parseArgs } from 'node:util';
import { analyzeFiles } from '@leximap/parallel';
import { bareWinkSeconds } from './bareWink.ts';

const { values, positionals } = parseArgs({ options: { workers: { type: 'string' }, bare: { type: 'boolean' } }, allowPositionals: true });
const workers = Number(values.workers ?? 1);
const t0 = performance.now();
const { result, timings } = await analyzeFiles(positionals, { workers });
const seconds = (performance.now() - t0) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
let bare: number | undefined;
if (values.bare) {
  bare = 0;
  for (const folder of positionals) bare += await bareWinkSeconds(folder);
}
process.stdout.write(
  JSON.stringify({
    workers,
    seconds,
    rssMb,
    bareSeconds: bare,
    timings,
    corpus: result.corpus,
    concepts: result.concepts.filter((c) => c.kind !== 'tag').length,
    themes: result.themes.length,
  }) + '\n',
);
