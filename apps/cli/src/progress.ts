/**
 * The progress line of `analyze` on stderr, drawn by cli-progress: while the files are read and
 * tokenised, a bar by bytes done with the files and words done of how many and the time left;
 * then each later stage by name, with the time since the start. Shown when stderr is a terminal
 * (not with `--quiet` or `--json`), or always with `--progress` (then one line a second, for logs).
 *
 * The text stage reports after each file tokenised in this thread (`--workers 1`), where
 * cli-progress redraws as it is told (at most 5 times a second), and after each shard of a worker
 * (at most 1 MB of files, about 0.4 s of tokenising, see packages/parallel/src/planShards.ts),
 * while cli-progress redraws 10 times a second: the line moves at least once a second. A single
 * file of many megabytes is tokenised in one go, and the line waits for it.
 */
import { SingleBar, type Params } from 'cli-progress';
import type { Progress as RunProgress } from '@leximap/parallel';

export interface Progress {
  update(progress: RunProgress): void;
  stage(name: string): void;
  done(): void;
}

/** What a line shows besides cli-progress's own value, total and ETA. */
interface Line {
  stage: string;
  files: number;
  totalFiles: number;
  words: number;
}

const WIDTH = 24;

const count = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n.toLocaleString('en'));

function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'ETA …';
  return seconds < 60 ? `ETA ${Math.ceil(seconds)} s` : `ETA ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** One line of progress, from cli-progress's params (value = bytes done of total) and the run's counts. */
export function formatLine(params: Pick<Params, 'progress' | 'eta' | 'startTime'>, line: Line, now = Date.now()): string {
  const filled = Math.round(Math.min(1, Math.max(0, params.progress)) * WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
  const elapsed = `${((now - params.startTime) / 1000).toFixed(1)} s`;
  const files = `${count(line.files)}/${count(line.totalFiles)} files`;
  if (line.stage === 'list') return `leximap  listing files…  ${elapsed}`;
  if (line.stage === 'pool') return `leximap  starting workers…  ${elapsed}`;
  if (line.stage === 'text') {
    return `reading ${bar} ${String(Math.floor(params.progress * 100)).padStart(3)}%  ${files} · ${count(line.words)} words · ${elapsed} · ${eta(params.eta)}`;
  }
  return `${line.stage.padEnd(12)} ${bar} ${files} · ${count(line.words)} words · ${elapsed}`;
}

/** A progress line when `enabled`, else one that draws nothing. `force` draws it even when stderr is not a terminal. */
export function createProgress(enabled: boolean, force = false, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!force && (!enabled || !stream.isTTY)) return { update: () => {}, stage: () => {}, done: () => {} };
  const line: Line = { stage: 'list', files: 0, totalFiles: 0, words: 0 };
  const bar = new SingleBar({
    stream,
    format: (_options, params) => formatLine(params, line),
    fps: 10,
    etaBuffer: 30,
    // The ETA is worked out again on each redraw, not only when a shard reports.
    etaAsynchronousUpdate: true,
    clearOnComplete: true,
    hideCursor: null,
    noTTYOutput: force,
    notTTYSchedule: 1000,
  });
  let started = false;
  const start = (): void => {
    if (!started) bar.start(1, 0);
    started = true;
  };
  return {
    update(p) {
      start();
      line.stage = p.stage;
      if (p.stage === 'text') {
        Object.assign(line, { files: p.done, totalFiles: p.total, words: p.words });
        if (bar.getTotal() !== p.totalBytes && p.totalBytes > 0) bar.setTotal(p.totalBytes);
        bar.update(p.bytes);
      } else if (line.totalFiles > 0) {
        bar.update(bar.getTotal());
      } else {
        bar.update(0);
      }
    },
    stage(name) {
      this.update({ stage: name, done: 0, total: 0, words: 0, bytes: 0, totalBytes: 0 });
    },
    done() {
      if (started) bar.stop();
      started = false;
    },
  };
}
