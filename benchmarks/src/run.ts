/**
 * One benchmark run in its own process (so peak RSS is this run's): analyses a folder with N
 * workers and prints one JSON line; with `--bare`, then also times bare wink-nlp on the same files,
 * in this thread and, with `--bare-threads K`, in K threads at once.
 * Usage: tsx benchmarks/src/run.ts FOLDER... --workers N [--concepts K] [--bare [--bare-threads K]]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { analyzeFiles, type AnalyzeFilesOutput } from '@leximap/parallel';
import { bareWinkSeconds, bareWinkThreadsSeconds, textFiles } from './bareWink.ts';

const { values, positionals } = parseArgs({ options: { workers: { type: 'string' }, concepts: { type: 'string' }, bare: { type: 'boolean' }, 'bare-threads': { type: 'string' } }, allowPositionals: true });
const workers = Number(values.workers ?? 1);
const load = loadavg()[0];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let output: AnalyzeFilesOutput | undefined = await analyzeFiles(positionals, { workers, ...(values.concepts ? { concepts: Number(values.concepts) } : {}) });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const rssMb = process.resourceUsage().maxRSS / 1024;
const report = {
  workers,
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  rssMb,
  load: [load, loadavg()[0]],
  timings: output.timings,
  corpus: output.result.corpus,
  concepts: output.result.concepts.filter((c) => c.kind !== 'tag').length,
  stress: output.result.layout.stress,
  bareSeconds: undefined as number | undefined,
  bareThreadsSeconds: undefined as number | undefined,
};
// The result is let go before wink-nlp runs alone, so it does not slow that run's garbage collection.
output = undefined;
if (values.bare) {
  (globalThis as { gc?: () => void }).gc?.();
  const files = await textFiles(positionals);
  report.bareSeconds = await bareWinkSeconds(files);
  const threads = Number(values['bare-threads'] ?? 1);
  if (threads > 1) report.bareThreadsSeconds = await bareWinkThreadsSeconds(files, threads);
}
process.stdout.write(JSON.stringify(report) + '\n');
