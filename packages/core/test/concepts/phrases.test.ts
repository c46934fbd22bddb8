import { describe, expect, it } from 'vitest';
import { analyze, type Corpus, type Document } from '../../src/index.ts';
import { phraseLabel, splitWords } from '../../src/concepts/phrases.ts';

const vocabulary = new Set(['truth', 'point', 'plot', 'tool', 'decision', 'open', 'garden']);
const isTerm = (w: string): boolean => vocabulary.has(w);
const label = (word: string, texts: string[]): string | undefined => phraseLabel(word, texts.map(splitWords), isTerm);

describe('phraseLabel', () => {
  it('labels a word by the phrase most of its occurrences come in, in its singular written form', () => {
    expect(label('ground', ['The ground truth is here.', 'Ground truth, and ground truths.', 'On the ground truth.', 'A ground truth.', 'The ground here.'])).toBe('ground truth');
    expect(label('pain', ['pain points', 'pain points', 'a pain point', 'pain points again', 'my pain'])).toBe('pain point');
    expect(label('ice', ['ICE plots', 'ICE plots', 'the ICE plot', 'ice plots and', 'ICE'])).toBe('ICE plot');
    // The neighbour before the word counts as well as the one after.
    expect(label('source', ['open source code', 'it is open source', 'open sources', 'the source', 'open source'])).toBe('open source');
  });

  it('needs a content word, half of the occurrences, and enough of them', () => {
    // "the" is no term of the vocabulary: no phrase.
    expect(label('tool', ['the tool', 'the tool', 'the tool', 'the tool', 'the tool'])).toBeUndefined();
    // Under half of the occurrences.
    expect(label('plot', ['decision plot', 'decision plot', 'decision plot', 'plot', 'plot', 'plot', 'plot'])).toBeUndefined();
    // Fewer than five occurrences in all.
    expect(label('ground', ['ground truth', 'ground truth', 'ground truth', 'ground truth'])).toBeUndefined();
  });

  it('does not join words across punctuation or a line break', () => {
    expect(label('ground', ['ground. Truth', 'ground, truth', 'ground\ntruth', 'ground; truth', 'ground: truth'])).toBeUndefined();
  });
});

/** Eight talks, each the same sentences in another order. */
function corpus(): Corpus {
  const talk = [
    'We compared the model with the ground truth of the survey.',
    'The ground truth came from the field team after a long summer.',
    'Without a ground truth nobody can judge the predictions.',
    'Labels from the ground truth were checked twice by the team.',
    'The ground was wet after the rain, so the survey waited.',
    'Our ground truth had errors in the northern villages.',
    'Every ground truth needs a second reader.',
    'The ground truth and the model disagreed on one village.',
    'The garden behind the school has tomatoes and beans.',
    'Children water the garden every morning before class.',
    'The garden grew so much that the school sold vegetables.',
    'Parents built a fence around the garden in spring.',
    'The train to the city was late again this morning.',
    'Passengers on the train waited at the station for an hour.',
    'The station cafe sells coffee to everyone on the train.',
    'A new train line will reach the airport next year.',
    'The recipe for the soup came from my grandmother.',
    'Bread and soup are what the cafe sells in winter.',
  ];
  const documents: Document[] = [];
  for (let d = 0; d < 8; d++) {
    // A fixed shuffle per talk (a linear congruential walk), so that sentences meet different neighbours.
    const order = talk.map((_, k) => k).sort((a, b) => ((a * 7 + d * 13) % 17) - ((b * 7 + d * 13) % 17));
    const text = [...order, ...order.reverse()].map((k) => talk[k]!).join(' ');
    documents.push({ id: `d${d}`, name: `d${d}`, tags: [], text, paragraphs: [{ start: 0, end: text.length }] });
  }
  return { documents };
}

describe('analyze(…) with phrase labels', () => {
  it('labels "field" by "field team", the only way the talks say it, keeps its seed, and leaves "station" (half of it "station cafe") a word', async () => {
    const result = await analyze(corpus(), { stability: 0 });
    const field = result.concepts.find((c) => c.seeds.includes('field'));
    expect(field?.label).toBe('field team');
    expect(field?.seeds).toEqual(['field']);
    expect(result.concepts.find((c) => c.seeds.includes('station'))?.label).toBe('station');
    expect(new Set(result.concepts.map((c) => c.label.toLowerCase())).size).toBe(result.concepts.length);
  }, 60_000);

  it('freezes a concept by its word, and warns of a freeze by its phrase, which names no seed concept', async () => {
    const result = await analyze(corpus(), { stability: 0, seeds: { add: [], remove: [], freeze: ['field', 'field team'] } });
    expect(result.concepts.find((c) => c.label === 'field team')?.thesaurus.map((t) => t.term)).toEqual(['field']);
    expect(result.warnings).toEqual([expect.stringMatching(/^freeze "field team": no seed concept is called so; nothing was frozen/)]);
  }, 60_000);
});
