import { describe, expect, it } from 'vitest';
import { analyze, buildTextShard, DEFAULTS, loadNlp, mergeShards, STOP_LIST_REASON, type Corpus, type Document } from '../../src/index.ts';

await loadNlp();

const doc = (id: string, text: string): Document => ({ id, name: id, tags: [], text, paragraphs: [{ start: 0, end: text.length }] });

describe('nouns the stop list keeps out', () => {
  it('are counted once per block, not in an excluded speaker\'s turns, and summed over shards', () => {
    const first = 'The thing is the thing. The garden grows.';
    const second = 'One thing more about the garden.';
    const a: Document = { ...doc('a', `${first}\n\n${second}`), paragraphs: [{ start: 0, end: first.length, speaker: 'Alice' }, { start: first.length + 2, end: first.length + 2 + second.length, speaker: 'Bob' }] };
    const b = doc('b', 'The thing about the train. The train is late.');
    const options = { ...DEFAULTS, blockSentences: 1, excludeSpeakers: ['Bob'] };
    const stats = mergeShards([buildTextShard([a], options), buildTextShard([b], options)]);
    const at = stats.stopped!.words.indexOf('thing');
    // "The thing is the thing." (one block, twice), "The thing about the train." — Bob's turn not counted.
    expect(stats.stopped!.blocks[at]).toBe(2);
    expect(mergeShards([buildTextShard([a, b], options)]).stopped).toEqual(stats.stopped);
  });

  it('are listed after the frequent terms that name no concept, with how to keep them', async () => {
    const topics = [
      ['The garden behind the school has tomatoes.', 'Children water the garden before class.'],
      ['The train to the city was late again.', 'Passengers waited for the train at the station.'],
      ['The recipe for the soup came from my grandmother.', 'The soup needs onions and salt.'],
      ['The museum opened a new gallery of maps.', 'A guide showed us the museum at noon.'],
      ['Our football team won the match on Sunday.', 'The team trains in the park.'],
      ['The library lends books and films.', 'I read in the library every evening.'],
      ['The hospital hired more nurses this winter.', 'Nurses at the hospital work long shifts.'],
      ['The bakery sells bread before dawn.', 'Fresh bread from the bakery is the best.'],
    ];
    // "thing" in one sentence of every third topic.
    const talk = topics.flatMap((t, k) => (k % 3 === 0 ? [t[0]!, `The thing about it is ${t[1]!.toLowerCase()}`] : t));
    const documents = Array.from({ length: 8 }, (_, d) => doc(`d${d}`, Array.from({ length: 3 }, (_, r) => talk.map((_, k) => talk[(k * 3 + d + r) % talk.length]!).join(' ')).join(' ')));
    const result = await analyze({ documents } as Corpus, { stability: 0 });
    const thing = result.leftOut?.find((l) => l.term === 'thing');
    expect(thing?.reason).toBe('on the stop list (a word of talk, or yours); a line "-thing" in a --stopwords file keeps it');
    expect(thing?.blocks).toBeGreaterThan(0);
    // The terms first, then at most five stop-listed nouns, each part most frequent first.
    const stopped = result.leftOut!.filter((l) => l.reason.startsWith(STOP_LIST_REASON));
    const terms = result.leftOut!.filter((l) => !l.reason.startsWith(STOP_LIST_REASON));
    expect(result.leftOut).toEqual([...terms, ...stopped]);
    expect(stopped.length).toBeLessThanOrEqual(5);
    for (const part of [terms, stopped]) expect(part.map((l) => l.blocks)).toEqual(part.map((l) => l.blocks).sort((x, y) => y - x));
  }, 60_000);
});
