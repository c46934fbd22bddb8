import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../src/progress.ts';

/** A terminal that records what is drawn, and when (by the fake clock). */
function terminal(): { stream: NodeJS.WriteStream; frames: { at: number; text: string }[] } {
  const frames: { at: number; text: string }[] = [];
  const stream = { isTTY: true, columns: 160, rows: 20, write: (chunk: string) => (frames.push({ at: Date.now(), text: String(chunk) }), true), on: () => stream, once: () => stream, removeListener: () => stream };
  return { stream: stream as unknown as NodeJS.WriteStream, frames };
}

afterEach(() => vi.useRealTimers());

describe('createProgress on a terminal', () => {
  it('createProgress(…).update(text) redraws the line at least once a second while no report arrives, the elapsed time moving', () => {
    vi.useFakeTimers({ now: 0 });
    const { stream, frames } = terminal();
    const progress = createProgress(true, false, stream);
    progress.update({ stage: 'text', done: 1, total: 10, words: 1000, bytes: 100, totalBytes: 1000 });
    vi.advanceTimersByTime(10_000);
    const lines = frames.filter((f) => /reading .* files/.test(f.text));
    const elapsed = lines.map((f) => /· (\d+\.\d) s ·/.exec(f.text)![1]);
    for (let second = 1; second <= 10; second++) expect(lines.some((f) => f.at > (second - 1) * 1000 && f.at <= second * 1000)).toBe(true);
    expect(new Set(elapsed).size).toBeGreaterThanOrEqual(10);
    progress.done();
  });

  it('createProgress(…).stage(name) keeps redrawing through a later stage', () => {
    vi.useFakeTimers({ now: 0 });
    const { stream, frames } = terminal();
    const progress = createProgress(true, false, stream);
    progress.update({ stage: 'text', done: 10, total: 10, words: 1000, bytes: 1000, totalBytes: 1000 });
    progress.stage('thesaurus');
    const before = frames.length;
    vi.advanceTimersByTime(3_000);
    expect(frames.slice(before).filter((f) => /thesaurus .* 10\/10 files/.test(f.text)).length).toBeGreaterThanOrEqual(3);
    progress.done();
  });
});
