/**
 * Phrase labels: a one-word concept whose word mostly comes in one fixed phrase is labelled by
 * that phrase. Interviewees do not talk about "ground", "source" or "pain" on PDPilot but about
 * the "ground truth", "open source" and "pain points"; QMSum's product meetings about the
 * "remote control", its committees about the "wage subsidy". The term statistics count single
 * lemmas (a block holds "ground" and "truth"), so the concept is learned from the word and only its
 * name comes from the phrase; coding, thesaurus and seeds are unchanged.
 *
 * Read from the text of a sample of the blocks that hold the concept's word: every occurrence of
 * the word (any case, or a plural: `variantKey`) and the word right before or after it,
 * separated by spaces alone (not across punctuation or a line break). The neighbour must be a
 * term of the corpus's vocabulary, so not a stop word ("the tool", "or limitations" are no
 * phrases), and one neighbour must come with more than half of the word's occurrences (and at least
 * MIN_PHRASES of them): a collocation that dominates the word's use, found from the text as KH
 * Coder's compound-word check finds them, rather than chosen by hand. The label is
 * the phrase's most frequent written form with the neighbour in its singular when that form
 * occurs ("ICE plot" over "ICE plots"). English texts only for now (`phraseSamples` in
 * pipeline/analyze.ts says why).
 */
import { variantKey } from '../stats/termStats.ts';

/** The share of the word's occurrences one neighbour must come with more than. */
export const PHRASE_SHARE = 0.5;
/** Fewest occurrences of the phrase itself. */
export const MIN_PHRASES = 3;
/** Fewest occurrences of the word in the sample, for the share to mean anything. */
export const MIN_OCCURRENCES = 5;
/** Blocks read per concept, evenly spread over those that hold its word. */
export const PHRASE_SAMPLE = 60;

const WORDS = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu;
const ONE_WORD = /^\p{L}[\p{L}\p{M}\p{N}'’-]*$/u;
const SPACES = /^[ \t]+$/;

/** A text's words, each with whether only spaces or tabs separate it from the word before. */
export interface Words {
  words: string[];
  /** Each word's `variantKey` (lower case, a plural ending taken off): "Points" and "point" meet. */
  keys: string[];
  /** `joined[i]`: words i − 1 and i are separated by spaces alone (not punctuation or a line break). */
  joined: boolean[];
}

/** The words of a text, for `phraseLabel` (a text shared by several concepts is split once). */
export function splitWords(text: string): Words {
  const words: string[] = [];
  const keys: string[] = [];
  const joined: boolean[] = [];
  let end = -1;
  for (const m of text.matchAll(WORDS)) {
    joined.push(end >= 0 && SPACES.test(text.slice(end, m.index)));
    words.push(m[0]);
    keys.push(variantKey(m[0]));
    end = m.index! + m[0].length;
  }
  return { words, keys, joined };
}

/**
 * The phrase `word` mostly comes in, in `texts` (blocks that hold it, split by `splitWords`), or
 * undefined. `isTerm` says whether a lower-cased word is a term of the vocabulary (a content word,
 * not a stop word).
 */
export function phraseLabel(word: string, texts: readonly Words[], isTerm: (lowercased: string) => boolean): string | undefined {
  if (!ONE_WORD.test(word)) return undefined;
  const key = variantKey(word);
  let occurrences = 0;
  // Per neighbour (side and key): how often, its lower-cased spellings, the phrase's written forms.
  const neighbours = new Map<string, { n: number; spellings: Set<string>; forms: Map<string, number> }>();
  const count = (side: string, neighbour: string, form: string): void => {
    let e = neighbours.get(side);
    if (!e) neighbours.set(side, (e = { n: 0, spellings: new Set(), forms: new Map() }));
    e.n++;
    e.spellings.add(neighbour.toLowerCase());
    e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
  };
  for (const { words, keys, joined } of texts) {
    for (let i = 0; i < words.length; i++) {
      if (keys[i] !== key) continue;
      const w = words[i]!;
      occurrences++;
      if (i > 0 && joined[i]) count(`<${keys[i - 1]!}`, words[i - 1]!, `${words[i - 1]!} ${w}`);
      if (i + 1 < words.length && joined[i + 1]) count(`>${keys[i + 1]!}`, words[i + 1]!, `${w} ${words[i + 1]!}`);
    }
  }
  if (occurrences < MIN_OCCURRENCES) return undefined;
  let best: string | undefined;
  for (const [side, e] of neighbours) {
    if (!isTerm(side.slice(1)) && ![...e.spellings].some(isTerm)) continue;
    const b = best === undefined ? undefined : neighbours.get(best)!;
    if (!b || e.n > b.n || (e.n === b.n && side < best!)) best = side;
  }
  if (best === undefined) return undefined;
  const found = neighbours.get(best)!;
  if (found.n < MIN_PHRASES || found.n <= PHRASE_SHARE * occurrences) return undefined;
  return writtenForm(found.forms, word, best.slice(1));
}

/**
 * The most frequent written form, preferring those whose word is written as the label and whose
 * neighbour is in its singular (the key); ties to the first in code-point order, for determinism.
 */
function writtenForm(forms: ReadonlyMap<string, number>, word: string, neighbour: string): string {
  const rank = (form: string): number => {
    const parts = form.split(' ').map((p) => p.toLowerCase());
    return (parts.includes(word.toLowerCase()) ? 2 : 0) + (parts.includes(neighbour) ? 1 : 0);
  };
  let best = '';
  let bestRank = -1;
  let bestCount = 0;
  for (const [form, n] of forms) {
    const r = rank(form);
    if (r > bestRank || (r === bestRank && (n > bestCount || (n === bestCount && form < best)))) {
      best = form;
      bestRank = r;
      bestCount = n;
    }
  }
  return best;
}
