/**
 * The practical upper bound of the pipeline: wink-nlp alone, with the pipe the TextModel uses
 * (`sbd`, `pos`), reading the token properties it reads (value, preceding spaces, type, POS,
 * lemma, stop-word flag) and the sentence spans — nothing else. It is the same wink-nlp module
 * and model as @leximap/core's, resolved from there.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Its {
  value: unknown;
  precedingSpaces: unknown;
  type: unknown;
  pos: unknown;
  lemma: unknown;
  stopWordFlag: unknown;
  span: unknown;
}
interface Collection {
  out(f: unknown): unknown[];
}
interface Nlp {
  its: Its;
  readDoc(text: string): { tokens(): Collection; sentences(): Collection };
}

async function loadNlp(): Promise<Nlp> {
  const fromCore = createRequire(import.meta.resolve('@leximap/core'));
  const load = async (name: string): Promise<unknown> => ((await import(pathToFileURL(fromCore.resolve(name)).href)) as { default: unknown }).default;
  const winkNLP = (await load('wink-nlp')) as (model: unknown, pipe: string[]) => Nlp;
  return winkNLP(await load('wink-eng-lite-web-model'), ['sbd', 'pos']);
}

/** Seconds wink-nlp takes over the `.txt` files of `folder` (reading the files is not timed). */
export async function bareWinkSeconds(folder: string): Promise<number> {
  const nlp = await loadNlp();
  const its = nlp.its;
  const files = (await readdir(folder)).filter((f) => f.endsWith('.txt')).sort();
  let seconds = 0;
  let sink = 0;
  for (const file of files) {
    const text = await readFile(join(folder, file), 'utf8');
    const t0 = performance.now();
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    sink += tokens.out(its.value).length;
    tokens.out(its.precedingSpaces);
    tokens.out(its.type);
    tokens.out(its.pos);
    tokens.out(its.lemma);
    tokens.out(its.stopWordFlag);
    sink += doc.sentences().out(its.span).length;
    seconds += (performance.now() - t0) / 1000;
  }
  if (sink < 0) console.log(sink);
  return seconds;
}
