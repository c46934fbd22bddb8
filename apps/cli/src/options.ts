/** Command-line options (commandTable.ts ANALYSIS_OPTIONS) → AnalysisOptions, reading the files some of them name. */
import { LeximapError, type AnalysisOptions } from '@leximap/core';
import { readMerges, readSeeds, readStopwords } from '@leximap/io';
import type { Values } from './commandTable.ts';

function number(values: Values, flag: string, integer: boolean): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new LeximapError('E_USAGE', `--${flag}: got "${String(raw)}", expected ${integer ? 'an integer' : 'a number'}`);
  }
  return n;
}

export async function analysisOptions(values: Values): Promise<Partial<AnalysisOptions>> {
  const o: Partial<AnalysisOptions> = {};
  const set = <K extends keyof AnalysisOptions>(key: K, value: AnalysisOptions[K] | undefined): void => {
    if (value !== undefined) o[key] = value;
  };
  set('seed', number(values, 'seed', true));
  if (values.concepts !== undefined) o.concepts = values.concepts === 'auto' ? 'auto' : number(values, 'concepts', true)!;
  set('blockSentences', number(values, 'block-sentences', true));
  set('themeSize', number(values, 'theme-size', false));
  if (values.themes !== undefined) o.themes = values.themes === 'auto' ? 'auto' : number(values, 'themes', true)!;
  if (values.stability !== undefined) o.stability = values.stability === 'auto' ? 'auto' : number(values, 'stability', true)!;
  set('learningThreshold', number(values, 'learning-threshold', false));
  set('codingThreshold', number(values, 'coding-threshold', false));
  set('minBlocks', number(values, 'min-blocks', true));
  set('layoutStarts', number(values, 'layout-starts', true));
  if (values.layout !== undefined) {
    if (values.layout !== 'gaussian' && values.layout !== 'linear') throw new LeximapError('E_USAGE', `--layout: got "${String(values.layout)}", expected gaussian or linear`);
    o.layoutMode = values.layout;
  }
  if (typeof values.lang === 'string') o.lang = values.lang;
  if (values.sentiment) o.sentiment = true;
  if (values['no-merge-variants']) o.mergeVariants = false;
  if (values['no-names']) o.names = false;
  const speakers = values['exclude-speaker'];
  if (Array.isArray(speakers)) o.excludeSpeakers = speakers.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (typeof values.stopwords === 'string') {
    const edits = await readStopwords(values.stopwords);
    o.stopwords = edits.add;
    o.keepwords = edits.remove;
  }
  if (typeof values.merge === 'string') o.merges = await readMerges(values.merge);
  if (typeof values.seeds === 'string') o.seeds = await readSeeds(values.seeds);
  return o;
}
