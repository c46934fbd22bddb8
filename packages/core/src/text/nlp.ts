/**
 * The wink-nlp instance with the lite English model, created once per thread with only the
 * annotations the TextModel reads: sentence boundaries and POS (lemmas and stop-word flags are
 * read through `its`).
 *
 * wink-nlp adds every new word it meets to its lexicon, and its tokenizer then treats the word as
 * known: once "Court's" was seen whole (before a comma), a later "the Court's decision" keeps
 * "Court's" as one token instead of "Court" + "'s". The tokens of a text would depend on what the
 * thread read before, i.e. on how the corpus was sharded over workers. `forgetNewWords` takes the
 * learnt words out of the lookup again (the lexicon's entries stay, so wink's own indices stay
 * valid), and the TextModel calls it before each document.
 */
import type winkNLP from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';
import { requireCjs } from '../requireCjs.ts';

export type Nlp = ReturnType<typeof winkNLP>;

interface Lexicon {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

let wink: { winkNLP: typeof winkNLP; model: typeof model } | undefined;

/**
 * Loads wink-nlp and its English model, once per thread; `getNlp` needs them loaded first.
 * Requiring them takes about 0.08 s (`requireCjs`), which a thread that reads no English text
 * need not pay: a pool's main thread (its workers tokenise), a text-cache hit, `render`,
 * `export`, `compare`.
 */
export async function loadNlp(): Promise<void> {
  if (wink) return;
  wink = { winkNLP: requireCjs<typeof winkNLP>('wink-nlp'), model: requireCjs<typeof model>('wink-eng-lite-web-model') };
}

let instance: Nlp | undefined;
let lexicon: Lexicon | undefined;
/** Entries of `lexicon.list` from here on were learnt since the last `forgetNewWords`. */
let learntFrom = 0;

export function getNlp(): Nlp {
  if (instance === undefined) {
    if (wink === undefined) throw new Error('getNlp: await loadNlp() first');
    const { winkNLP, model } = wink;
    const core = (model as unknown as { core: () => { features: { lexeme: Lexicon } } }).core;
    // The same model, with its core loader spied on to reach the lexicon of this instance.
    const spied = Object.assign(Object.create(null) as object, model, {
      core: () => {
        const loaded = core();
        lexicon = loaded.features.lexeme;
        return loaded;
      },
    }) as typeof model;
    instance = winkNLP(spied, ['sbd', 'pos']);
    learntFrom = lexicon?.intrinsicSize ?? 0;
  }
  return instance;
}

/** Makes wink-nlp forget the words it learnt since the last call: what follows reads as in a fresh thread. */
export function forgetNewWords(): void {
  if (lexicon === undefined) return;
  const { hash, list } = lexicon;
  for (let i = learntFrom; i < list.length; i++) if (hash[list[i]!] === i) delete hash[list[i]!];
  learntFrom = list.length;
}

/** The model's lemma of one word ("exhausted" → "exhaust"), for seeds a user wrote inflected (after `loadNlp`). */
export function lemmaOf(word: string): string {
  const nlp = getNlp();
  const lemma = (nlp.readDoc(word).tokens().out(nlp.its.lemma as typeof nlp.its.value) as string[])[0] ?? word;
  forgetNewWords();
  return lemma;
}

export const NLP_MODEL = 'wink-eng-lite-web-model';
