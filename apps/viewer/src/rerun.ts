/**
 * Re-running a result with the edits, under `leximap serve` (see apps/cli/src/commands/serve.ts):
 * the seeds file is posted with the page's token, the job polled until it ends, and what changed
 * between the two results listed: concepts added, removed, renamed or merged, themes that changed.
 */
import type { LeximapResult } from '@leximap/core';
import type { Edits } from './edits.ts';
import { h } from './dom.ts';
// The job as `leximap serve` reports it (a type only: nothing of the CLI is bundled).
import type { RerunJob } from '../../cli/src/commands/serve.ts';

export type { RerunJob };

/** The token `leximap serve` puts in the page; null when the page is not served (a file, an HTML export). */
export function rerunToken(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="leximap-token"]')?.content ?? null;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Starts the re-run of the served result at `path` with `seeds`, reports the job as it goes, and gives its end. */
export async function rerun(path: string, seeds: string, token: string, onJob: (job: RerunJob) => void): Promise<RerunJob> {
  const response = await fetch('api/rerun', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Leximap-Token': token }, body: JSON.stringify({ result: path, seeds }) });
  let job = (await response.json()) as RerunJob & { error?: string };
  if (!response.ok) throw new Error(job.error ?? `the server answered ${response.status}`);
  while (job.state === 'running') {
    onJob(job);
    await pause(200);
    const poll = await fetch(`api/rerun/${job.id}`, { cache: 'no-store' });
    if (!poll.ok) throw new Error(`the server answered ${poll.status} about the re-run`);
    job = (await poll.json()) as RerunJob;
  }
  return job;
}

export interface Changes {
  from: string;
  to: string;
  seconds: number;
  added: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
  merged: { from: string[]; to: string }[];
  themes: { added: string[]; removed: string[]; changed: { name: string; joined: string[]; left: string[] }[] };
}

const learned = (r: LeximapResult): string[] => r.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label);

/** What changed from `before` to `after`, the result of re-running `before` with `edits`. */
export function changes(before: LeximapResult, after: LeximapResult, edits: Edits, names: { from: string; to: string; seconds: number }): Changes {
  const now = new Set(learned(after));
  const was = new Set(learned(before));
  /** A label of `before` → its label in `after`, for the concepts an edit carried over. */
  const carried = new Map<string, string>();
  const renamed: Changes['renamed'] = [];
  const merged: Changes['merged'] = [];
  for (const c of edits.concepts) {
    if (!now.has(c.label) || c.from.length === 0) continue;
    const origins = c.from.map((i) => before.concepts[i]!.label);
    for (const o of origins) carried.set(o, c.label);
    if (origins.length > 1) merged.push({ from: origins, to: c.label });
    else if (origins[0] !== c.label) renamed.push({ from: origins[0]!, to: c.label });
  }
  const arrived = new Set(carried.values());
  const added = [...now].filter((l) => !was.has(l) && !arrived.has(l));
  const removed = [...was].filter((l) => !now.has(l) && !carried.has(l));
  const members = (r: LeximapResult, map: (l: string) => string): Map<string, Set<string>> =>
    new Map(r.themes.map((t) => [map(t.name), new Set(t.members.map((m) => map(r.concepts[m]!.label)))]));
  const themesBefore = members(before, (l) => carried.get(l) ?? l);
  const themesAfter = members(after, (l) => l);
  const changed: Changes['themes']['changed'] = [];
  for (const [name, set] of themesAfter) {
    const old = themesBefore.get(name);
    if (!old) continue;
    const joined = [...set].filter((l) => !old.has(l));
    const left = [...old].filter((l) => !set.has(l));
    if (joined.length > 0 || left.length > 0) changed.push({ name, joined, left });
  }
  return {
    ...names,
    added,
    removed,
    renamed,
    merged,
    themes: { added: [...themesAfter.keys()].filter((n) => !themesBefore.has(n)), removed: [...themesBefore.keys()].filter((n) => !themesAfter.has(n)), changed },
  };
}

export function changesView(c: Changes): HTMLElement {
  const item = (kind: string, text: string): HTMLElement => h('li', { 'data-change': kind }, text);
  const items = [
    ...c.added.map((l) => item('added', `added ${l}`)),
    ...c.removed.map((l) => item('removed', `removed ${l}`)),
    ...c.renamed.map((r) => item('renamed', `renamed ${r.from} → ${r.to}`)),
    ...c.merged.map((m) => item('merged', `merged ${m.from.filter((l) => l !== m.to).join(', ')} into ${m.to}`)),
    ...c.themes.added.map((n) => item('theme-added', `new theme ${n}`)),
    ...c.themes.removed.map((n) => item('theme-removed', `theme ${n} gone`)),
    ...c.themes.changed.map((t) => item('theme-changed', `theme ${t.name}: ${[...t.joined.map((l) => `+${l}`), ...t.left.map((l) => `−${l}`)].join(' ')}`)),
  ];
  return h(
    'section',
    { class: 'rerun-changes', id: 'rerun-changes' },
    h('h2', {}, 'What the re-run changed'),
    h('p', { class: 'facts' }, `${c.to}, re-run from ${c.from} in ${c.seconds.toFixed(1)} s.`),
    items.length > 0 ? h('ul', {}, ...items) : h('p', { class: 'facts' }, 'The same concepts and themes as before.'),
  );
}
