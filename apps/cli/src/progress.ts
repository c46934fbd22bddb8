/**
 * A progress line on stderr while the analysis runs: only when stderr is a terminal and not
 * `--quiet`, so logs and pipes stay clean.
 */
const STAGES = ['read', 'text', 'terms', 'cooccurrence', 'seeds', 'thesaurus', 'coding', 'graph', 'layout', 'quotes', 'refine', 'themes', 'excerpts', 'result', 'write'];

export interface Progress {
  stage(name: string): void;
  done(): void;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return { stage: () => {}, done: () => {} };
  const started = performance.now();
  const width = 24;
  let last = '';
  return {
    stage(name) {
      const i = Math.max(0, STAGES.indexOf(name));
      const filled = Math.round(((i + 1) / STAGES.length) * width);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      last = `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${name.padEnd(13)} ${seconds}s`;
      stream.write(last);
    },
    done() {
      if (last) stream.write(`\r${' '.repeat(last.length)}\r`);
    },
  };
}
