/**
 * `leximap pathway RESULT FROM TO`: the cheapest route between two concepts on the co-occurrence
 * graph of the learned concepts (map distance as the cost, as the viewer draws it), each step
 * with the blocks the two concepts share and their best quotes.
 */
import { conceptPathway, LeximapError, type LeximapResult } from '@leximap/core';
import { readResult, resultGraph } from '@leximap/io';
import { flag, text, type Values } from '../commandTable.ts';

interface StepQuote {
  text: string;
  document: string;
  speaker?: string;
  paragraph: number;
}

/** The learned concept named `label`: exactly, else ignoring case. */
function findConcept(result: LeximapResult, label: string): number {
  const learned = result.concepts.flatMap((c, i) => (c.kind === 'tag' ? [] : [i]));
  const exact = learned.find((i) => result.concepts[i]!.label === label);
  if (exact !== undefined) return exact;
  const folded = learned.filter((i) => result.concepts[i]!.label.toLowerCase() === label.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  const names = learned.map((i) => result.concepts[i]!.label);
  const tag = result.concepts.some((c) => c.kind === 'tag' && c.label.toLowerCase() === label.toLowerCase());
  throw new LeximapError(
    'E_USAGE',
    `"${label}" is ${tag ? 'a tag, not a learned concept' : 'not a learned concept of this result'}; the concepts are: ${names.slice(0, 40).join(', ')}${names.length > 40 ? ', …' : ''}`,
  );
}

function quotesOf(result: LeximapResult, a: number, b: number, n: number): StepQuote[] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const pair = result.quotes.pairs.find((p) => p.a === lo && p.b === hi);
  const texts = new Map(result.quotes.excerpts.map((e) => [e.block, e.text]));
  return (pair?.blocks ?? []).slice(0, n).flatMap((block) => {
    const text = texts.get(block);
    if (text === undefined) return [];
    const speaker = result.blocks.speaker[block]!;
    const q: StepQuote = { text, document: result.documents[result.blocks.document[block]!]!.name, paragraph: result.blocks.paragraph[block]! + 1 };
    if (speaker >= 0) q.speaker = result.speakers[speaker]!;
    return [q];
  });
}

export async function runPathway(values: Values, positionals: string[]): Promise<number> {
  const quotes = text(values, 'quotes')!;
  const perStep = quotes.trim() === '' ? NaN : Number(quotes);
  if (!Number.isInteger(perStep) || perStep < 0) throw new LeximapError('E_USAGE', `--quotes: got "${quotes}", expected a whole number ≥ 0`);
  const [path, fromLabel, toLabel] = positionals as [string, string, string];
  const result = await readResult(path);
  const from = findConcept(result, fromLabel);
  const to = findConcept(result, toLabel);
  const route = conceptPathway(result, from, to);
  const graph = resultGraph(result);
  const steps = route.slice(1).map((b, k) => {
    const a = route[k]!;
    return { from: result.concepts[a]!.label, to: result.concepts[b]!.label, together: graph.cooccurrence(a, b), likelihood: graph.likelihood(a, b), quotes: quotesOf(result, a, b, perStep) };
  });
  const labels = route.map((i) => result.concepts[i]!.label);
  if (flag(values, 'json')) {
    process.stdout.write(JSON.stringify({ from: result.concepts[from]!.label, to: result.concepts[to]!.label, path: labels, steps }) + '\n');
    return 0;
  }
  if (route.length === 0) {
    process.stdout.write(`No pathway: ${result.concepts[from]!.label} and ${result.concepts[to]!.label} are not linked through shared blocks.\n`);
    return 0;
  }
  const lines = [`${labels.join(' → ')}  (${steps.length} step${steps.length === 1 ? '' : 's'})`];
  for (const step of steps) {
    lines.push('', `${step.from} — ${step.to}: ${step.together} block${step.together === 1 ? "" : "s"} together, P(${step.to} | ${step.from}) ${Math.round(step.likelihood * 100)}%`);
    if (step.quotes.length === 0) lines.push('  (no quote kept for this pair)');
    for (const q of step.quotes) lines.push(`  “${q.text.replace(/\s+/g, ' ').trim()}”`, `     — ${q.document}${q.speaker ? `, ${q.speaker}` : ''}, ¶ ${q.paragraph}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
