import { describe, expect, it } from 'vitest';
import { analyze, familyKey, loadSnowball, type Corpus, type Document } from '../../src/index.ts';

await loadSnowball();

/** Six interviews, each a run of talk on every topic in turn: topical words come in runs. */
function corpus(): Corpus {
  const topics = [
    ['The clustering of the lines was the first thing I tried.', 'I liked the clustering a lot.', 'Each cluster had its own colour.', 'One cluster was much larger than the rest.'],
    ['The garden needs water every morning.', 'We planted tomatoes in the garden.', 'The soil in the garden is heavy clay.', 'My neighbour grows beans near the fence.'],
    ['The train was late again this morning.', 'I take the train to the station at eight.', 'The station has a small cafe.', 'Tickets for the train are expensive.'],
    ['The recipe calls for two eggs.', 'My mother wrote the recipe on a card.', 'The oven must be hot before the bread goes in.', 'Bread with butter is my favourite.'],
    ['The museum opened a new gallery.', 'The gallery shows old maps of the city.', 'A guide explained each painting in the museum.', 'The painting near the door is famous.'],
  ];
  const documents: Document[] = [];
  for (let d = 0; d < 6; d++) {
    const sentences: string[] = [];
    for (let round = 0; round < 3; round++) for (let t = 0; t < topics.length; t++) sentences.push(...topics[(t + d) % topics.length]!);
    const text = sentences.join(' ');
    documents.push({ id: `d${d}`, name: `d${d}`, tags: [], text, paragraphs: [{ start: 0, end: text.length }] });
  }
  return { documents };
}

describe('concepts of one word family', () => {
  it('familyKey(…) joins a noun, its plural and its -ing form, and keeps unrelated words apart', () => {
    expect(familyKey('clustering')).toBe(familyKey('cluster'));
    expect(familyKey('clusters')).toBe(familyKey('cluster'));
    expect(familyKey('community')).not.toBe(familyKey('communication'));
    expect(familyKey('garden')).not.toBe(familyKey('guard'));
  });

  it('analyze(…) makes one concept of "cluster" and "clustering", seeded by both', async () => {
    const result = await analyze(corpus(), { stability: 0, concepts: 12 });
    const family = result.concepts.filter((c) => c.kind === 'word' && familyKey(c.label) === familyKey('cluster'));
    expect(family).toHaveLength(1);
    expect([...family[0]!.seeds].sort()).toEqual(['cluster', 'clustering']);
  }, 60_000);
});
