/**
 * The wink-nlp instance with the lite English model, created once per thread with only the
 * annotations the TextModel reads: sentence boundaries and POS (lemmas and stop-word flags are
 * read through `its`).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = ReturnType<typeof winkNLP>;

let instance: Nlp | undefined;

export function getNlp(): Nlp {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

export const NLP_MODEL = 'wink-eng-lite-web-model';
