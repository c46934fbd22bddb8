/**
 * Bare wink-nlp in a process of its own, on the `.txt` files of the folders: in this thread and,
 * with `--threads K`, in K threads at once. Prints one JSON line.
 * Usage: tsx benchmarks/src/bareRun.ts FOLDER... [--threads K]
 */
import { parseArgs } from 'node:util';
import { bareWinkSeconds, bareWinkThreadsSeconds, textFiles } from './bareWink.ts';

const { values, positionals } = parseArgs({ options: { threads: { type: 'string' } }, allowPositionals: true });
const files = await textFiles(positionals);
const threads = Number(values.threads ?? 1);
const bareSeconds = await bareWinkSeconds(files);
const bareThreadsSeconds = threads > 1 ? await bareWinkThreadsSeconds(files, threads) : undefined;
process.stdout.write(JSON.stringify({ bareSeconds, bareThreadsSeconds }) + '\n');
