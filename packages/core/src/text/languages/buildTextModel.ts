/**
 * The text stage, chosen per document by its language: English documents go to wink-nlp's stage
 * (`../textModel.ts`, exactly as before), every other language to the `Intl.Segmenter` stage
 * (`segmenterShard.ts`). With `lang: 'auto'` each document's language is detected on its own
 * text, so the choice never depends on which other documents share a shard (or a worker).
 *
 * Consecutive documents of one stage make one TextShard; the shards come back in document order,
 * for `ShardMerger` to merge as it merges the shards of workers. For an all-English input this is
 * one call of `buildTextShard` on all the documents: the same shard as before languages existed.
 */
import type { AnalysisOptions } from '../../defaults.ts';
import type { Document } from '../../corpus.ts';
import { compileMarkup, maskMarkup } from '../markup.ts';
import { blockSentiment, loadSentiment } from '../../sentiment/blockSentiment.ts';
import { loadNlp } from '../nlp.ts';
import { buildTextShard, type TextOptions, type TextShard } from '../textModel.ts';
import { detectLanguage, loadLanguageDetector, plainlyEnglish } from './detectLanguage.ts';
import { loadLanguageTools } from './languageTools.ts';
import { ENGLISH } from './registry.ts';
import { buildSegmenterShard } from './segmenterShard.ts';

/** The text options, the language (a code, or `auto` to detect each document's) and whether to score sentiment. */
export type LanguageTextOptions = TextOptions & Pick<AnalysisOptions, 'lang' | 'sentiment'>;

/**
 * The language of each document: `options.lang`, or detected (English when it cannot be told).
 * eld's tables are loaded only when a document is not plainly English.
 */
export async function documentLanguages(documents: readonly Document[], options: LanguageTextOptions): Promise<string[]> {
  if (options.lang !== 'auto') return documents.map(() => options.lang);
  const markup = compileMarkup(options.markup);
  const texts = documents.map((doc) => analysedText(doc, markup));
  const english = texts.map(plainlyEnglish);
  if (english.includes(false)) await loadLanguageDetector();
  return texts.map((text, d) => (english[d] ? ENGLISH : detectLanguage(text, ENGLISH).lang));
}

/** The text of a document's paragraphs, markup masked: what the text stage reads. */
function analysedText(doc: Document, markup: RegExp | undefined): string {
  let text = '';
  for (const p of doc.paragraphs) text += (text ? '\n' : '') + maskMarkup(doc.text.slice(p.start, p.end), markup);
  return text;
}

/**
 * The TextShards of `documents`, one per run of consecutive documents read by one stage, in
 * document order. Loads first what these documents need, and only that (each tool once per
 * thread): eld's tables for `lang: 'auto'` when a document is not plainly English, wink-nlp for
 * English, the stemmers and stop lists for any other language, VADER for `sentiment`.
 */
export async function buildTextModel(documents: readonly Document[], options: LanguageTextOptions, onDocument?: (d: number, words: number) => void): Promise<TextShard[]> {
  const langs = await documentLanguages(documents, options);
  await Promise.all([
    langs.includes(ENGLISH) ? loadNlp() : undefined,
    langs.some((l) => l !== ENGLISH) ? loadLanguageTools() : undefined,
    options.sentiment ? loadSentiment() : undefined,
  ]);
  const shards: TextShard[] = [];
  let before = 0;
  for (let from = 0; from < documents.length; ) {
    const english = langs[from] === ENGLISH;
    let to = from + 1;
    while (to < documents.length && (langs[to] === ENGLISH) === english) to++;
    const run = documents.slice(from, to);
    const runLangs = langs.slice(from, to);
    const first = from;
    const shard = english
      ? { ...buildTextShard(run, options, onDocument && ((d, words) => onDocument(first + d, before + words))), documentLanguages: runLangs }
      : buildSegmenterShard(run, runLangs, options);
    before += shard.tokens;
    if (!english) onDocument?.(to - 1, before);
    if (options.sentiment) shard.blockSentiment = blockSentiment(run, runLangs, shard, options.markup);
    shards.push(shard);
    from = to;
  }
  return shards;
}
