/**
 * Snowball stemmers, loaded on demand: `snowball-stemmers` is one file of every language's
 * stemmer and takes about 0.02 s to require (`requireCjs`; 0.08 s to import), which a worker that
 * reads only English text (wink-nlp lemmatises it) need not pay. The English stemmer groups word
 * families on the main thread (`familyKey`), the others stem the `Intl.Segmenter` stage's words
 * (`languageTools`).
 */
import type * as Snowball from 'snowball-stemmers';
import { requireCjs } from '../../requireCjs.ts';

let snowball: typeof Snowball | undefined;

/** Loads the stemmers, once per thread; `newStemmer` needs them loaded first. */
export async function loadSnowball(): Promise<void> {
  snowball ??= requireCjs<typeof Snowball>('snowball-stemmers');
}

/** A Snowball stemmer (`english`, `danish`, …). */
export function newStemmer(algorithm: string): Snowball.Stemmer {
  if (snowball === undefined) throw new Error('newStemmer: await loadSnowball() first');
  return snowball.newStemmer(algorithm);
}
