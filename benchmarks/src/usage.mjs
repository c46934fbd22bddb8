/**
 * Preloaded into a benchmarked `leximap` process (`node --import`): when it exits, writes its
 * CPU time (all threads) and peak RSS to the file named by LEXIMAP_BENCH_USAGE. Plain JavaScript,
 * so the process runs no TypeScript loader.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.LEXIMAP_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRSSKb: process.resourceUsage().maxRSS }));
  });
}
