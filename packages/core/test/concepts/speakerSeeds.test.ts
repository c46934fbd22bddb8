import { describe, expect, it } from 'vitest';
import { analyze, type Corpus, type Document } from '../../src/index.ts';

/**
 * Six product meetings whose speakers are labelled by role ("User Interface", "Project Manager")
 * and one by name (Amara), each a run of talk on every topic in turn; Amara is addressed by name.
 */
function meetings(): Corpus {
  const topics: [string, string][] = [
    ['User Interface', 'The user wants a simple remote. Every user we asked hated small buttons. A user in the survey wanted a bigger screen. The older user finds the menu hard.'],
    ['Project Manager', 'The garden needs water every morning. We planted tomatoes in the garden. The soil in the garden is heavy clay. My neighbour grows beans near the fence.'],
    ['Amara', 'The train was late again this morning. I take the train to the station at eight. The station has a small cafe. Tickets for the train are expensive.'],
    ['Project Manager', 'Thanks, Amara. Amara, could you say more? I agree with Amara on that. Good point, Amara.'],
    ['User Interface', 'The recipe calls for two eggs. My mother wrote the recipe on a card. The oven must be hot before the bread goes in. Bread with butter is my favourite.'],
    ['Amara', 'The museum opened a new gallery. The gallery shows old maps of the city. A guide explained each painting in the museum. The painting near the door is famous.'],
  ];
  const documents: Document[] = [];
  for (let d = 0; d < 6; d++) {
    let text = '';
    const paragraphs: Document['paragraphs'] = [];
    for (let round = 0; round < 3; round++) {
      for (let t = 0; t < topics.length; t++) {
        const [speaker, turn] = topics[(t + d) % topics.length]!;
        if (text) text += '\n\n';
        paragraphs.push({ start: text.length, end: text.length + turn.length, speaker });
        text += turn;
      }
    }
    documents.push({ id: `m${d}`, name: `m${d}`, tags: [], text, paragraphs });
  }
  return { documents };
}

describe('seeds and speaker labels', () => {
  it('analyze(…) keeps a word of a role label ("user" of User Interface) as a seed, and no speaker\'s name where the text uses it as one', async () => {
    const result = await analyze(meetings(), { stability: 0, concepts: 10 });
    expect(result.speakers).toContain('User Interface');
    const labels = result.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label);
    expect(labels).toContain('user');
    expect(labels).not.toContain('Amara');
    expect(result.leftOut?.find((l) => l.term === 'Amara')?.reason).toMatch(/speaker name/);
  }, 60_000);
});
