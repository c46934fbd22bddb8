import { describe, expect, it } from 'vitest';
import { buildTextShard, DEFAULTS, loadNlp, mergeShards, NAME, sliceCodePoints, type Document } from '../../src/index.ts';

await loadNlp();

function doc(text: string, turns: { speaker?: string; start: number; end: number }[], id = 'd'): Document {
  return { id, name: id, tags: [], text, paragraphs: turns };
}

/** Paragraph spans of `Speaker: text` lines (a tiny stand-in for io's transcript parser). */
function turns(text: string): { speaker?: string; start: number; end: number }[] {
  const out: { speaker?: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const m = /^(\w+): /.exec(line);
    if (line.trim()) out.push({ ...(m ? { speaker: m[1] } : {}), start: pos + (m ? m[0].length : 0), end: pos + line.length });
    pos += line.length + 1;
  }
  return out;
}

describe('buildTextShard', () => {
  const text = [
    'Interviewer: How did you start editing?',
    'Amara: My mentor Lisa left a message on my talk page. She explained the policies. Then I joined an edit-a-thon in the library. The librarians were kind.',
    'Amara: Later Lisa asked me to run a workshop.',
  ].join('\n');
  const shard = buildTextShard([doc(text, turns(text))], DEFAULTS);
  const stats = mergeShards([shard]);
  const blocks = Array.from({ length: stats.blocks.doc.length }, (_, b) => ({
    text: text.slice(stats.blocks.start[b], stats.blocks.end[b]),
    terms: Array.from(stats.blockTerms.subarray(stats.blockTermStarts[b], stats.blockTermStarts[b + 1]), (t) => stats.terms[t]),
    speaker: stats.speakers[stats.blocks.speaker[b]!],
  }));

  it('buildTextShard(…) groups two sentences per block and never crosses a speaker turn', () => {
    expect(blocks.map((b) => b.text)).toEqual([
      'How did you start editing?',
      'My mentor Lisa left a message on my talk page. She explained the policies.',
      'Then I joined an edit-a-thon in the library. The librarians were kind.',
      'Later Lisa asked me to run a workshop.',
    ]);
    expect(blocks.map((b) => b.speaker)).toEqual(['Interviewer', 'Amara', 'Amara', 'Amara']);
  });

  it('buildTextShard(…) keeps lemmas of content words and drops stop words and fillers', () => {
    expect(blocks[1]!.terms).toEqual(expect.arrayContaining(['mentor', 'message', 'page', 'policy', 'Lisa']));
    expect(blocks[1]!.terms).not.toContain('she');
    expect(blocks[1]!.terms).not.toContain('left');
    expect(blocks[2]!.terms).toEqual(expect.arrayContaining(['library', 'librarian', 'join']));
  });

  it('buildTextShard(…) keeps names case-sensitive as name terms', () => {
    const lisa = stats.terms.indexOf('Lisa');
    expect(lisa).toBeGreaterThanOrEqual(0);
    expect(stats.kinds[lisa]).toBe(NAME);
    expect(stats.df[lisa]).toBe(2);
  });

  it('buildTextShard(…) resolves a sentence-initial capitalised word to a name only when it is one elsewhere', () => {
    const t = 'Amara: Kwame helped me a lot. I met Kwame at the meetup. Photos are what I love. I upload photos daily.';
    const s = mergeShards([buildTextShard([doc(t, turns(t))], { ...DEFAULTS, blockSentences: 1 })]);
    expect(s.df[s.terms.indexOf('Kwame')]).toBe(2);
    expect(s.df[s.terms.indexOf('Photos')]).toBe(0);
    expect(s.df[s.terms.indexOf('photo')]).toBe(2);
  });

  it('buildTextShard(…) excludes a speaker from learning but keeps the block', () => {
    const s = mergeShards([buildTextShard([doc(text, turns(text))], { ...DEFAULTS, excludeSpeakers: ['interviewer'] })]);
    expect(s.blocks.excluded[0]).toBe(1);
    expect(s.blockTermStarts[1]).toBe(0);
    expect(s.activeBlocks).toBe(3);
  });

  it('buildTextShard(…) gives offsets in code points that slice back to the block, with emoji and markup', () => {
    const t = 'Mei: I love 📷 photos (laughs) of the castle. Commons took them all.\nMei: [inaudible] The 🏰 contest was fun. We won a prize.';
    const s = mergeShards([buildTextShard([doc(t, turns(t))], DEFAULTS)]);
    const texts = Array.from({ length: s.blocks.doc.length }, (_, b) => sliceCodePoints(t, s.blocks.start[b]!, s.blocks.end[b]!));
    expect(texts).toEqual(['I love 📷 photos (laughs) of the castle. Commons took them all.', 'The 🏰 contest was fun. We won a prize.']);
    expect(s.terms).not.toContain('laugh');
    expect(s.terms).not.toContain('inaudible');
  });
});

describe('buildTextShard names and markup', () => {
  const termsOf = (text: string, keepwords: string[] = []): { terms: string[]; df: (t: string) => number } => {
    const s = mergeShards([buildTextShard([doc(text, turns(text))], { ...DEFAULTS, blockSentences: 1, keepwords })]);
    return { terms: s.terms.filter((_, i) => s.df[i]! > 0), df: (t) => s.df[s.terms.indexOf(t)] ?? 0 };
  };

  it('buildTextShard(…) drops titles and forms of address from names and makes no name of a title alone', () => {
    const { terms } = termsOf('Ann: Thank you, Mr. Chair. I agree with Hon. Justin Trudeau on this. Madam Speaker, the Prime Minister is away. The chair of the board spoke.');
    expect(terms).toContain('Justin Trudeau');
    expect(terms).toContain('chair');
    expect(terms.filter((t) => /Chair|Speaker|Minister|Madam|Mr|Hon/.test(t))).toEqual([]);
  });

  it('buildTextShard(…) keeps a hyphenated compound one term where its words alone lose or mislead: well-being, part-time, follow-up, Finch-Saunders', () => {
    const text = 'Ann: My well-being matters. I work part-time. We pressed the push-buttons, mm-hmm, with Janet Finch-Saunders. Twenty-five people came with a 3-year-old. The Welsh-medium schools used it as a medium, and the follow-up.';
    const s = mergeShards([buildTextShard([doc(text, turns(text))], { ...DEFAULTS, blockSentences: 1 })]);
    const terms = s.terms.filter((_, i) => s.df[i]! > 0);
    // Compounds of words that are terms on their own are read as those words, as when written open ("push buttons").
    expect(terms).toEqual(expect.arrayContaining(['well-being', 'part-time', 'follow-up', 'Janet Finch-Saunders', 'push', 'button', 'Welsh', 'medium', 'school', 'people']));
    // No part of a one-term compound counts on its own (part-time is no mention of time); no
    // interjection or number makes one; "medium" is no longer made "media".
    expect(terms.filter((t) => ['being', 'time', 'follow', 'Finch', 'Saunders', 'push-button', 'media', 'mm-hmm', 'hmm', 'twenty-five', 'year-old', 'old'].includes(t))).toEqual([]);
    const nouns = (t: string): number => s.nounShare[s.terms.indexOf(t)]!;
    expect([nouns('follow-up'), nouns('well-being')]).toEqual([1, 1]);
  });

  it('buildTextShard(…) makes no term of a one-term compound before the noun it qualifies: long-term care is care', () => {
    const text = 'Ann: The long-term care and part-time work. Two-way interactions and in-person events.';
    const s = mergeShards([buildTextShard([doc(text, turns(text))], { ...DEFAULTS, blockSentences: 1 })]);
    expect(s.terms.filter((_, i) => s.df[i]! > 0).sort()).toEqual(['care', 'event', 'interaction', 'work']);
  });

  it("buildTextShard(…) keeps a name with an apostrophe inside: O'Brien, D'Angelo, typographic or not", () => {
    const { terms } = termsOf("Ann: We met Sinead O'Brien and Mr O’Connor at the school. I went to McDonald's with D'Angelo. Lecturers, I'm told, Don't agree.");
    expect(terms).toEqual(expect.arrayContaining(["Sinead O'Brien", "O'Connor", 'McDonald', "D'Angelo", 'school']));
    expect(terms.filter((t) => t === 'Sinead' || t.includes("'m") || t.includes("'t"))).toEqual([]);
  });

  it('buildTextShard(…) reads a capitalised adjective alone inside a sentence as a name, where the corpus never writes it in lower case', () => {
    // The model tags "French" ADJ, "English" PROPN; "Acting" sits next to a title, "Great" is written lower case too.
    const { terms } = termsOf('Ann: My parents spoke French and English at home. There were many French words. The Acting Chair said: Great, a great result.');
    expect(terms).toEqual(expect.arrayContaining(['French', 'English', 'word', 'result']));
    expect(terms.filter((t) => ['french', 'Acting', 'Great'].includes(t))).toEqual([]);
  });

  it('buildTextShard(…) never makes a name of a filler', () => {
    const { terms } = termsOf('Ann: So Um I went to Oslo with Lisa. Then Yeah Lisa came back.');
    expect(terms).toContain('Lisa');
    expect(terms.filter((t) => /Um|Yeah/.test(t))).toEqual([]);
  });

  it('mergeShards(…) reads a capitalised word as the ordinary word the corpus uses elsewhere', () => {
    const { terms, df } = termsOf('Ann: I clicked Export and then Data. The export of data failed. Correct me if I am wrong. That is correct.');
    expect(terms).not.toContain('Export');
    expect(terms).not.toContain('Data');
    expect(df('export')).toBe(2);
    expect(df('data')).toBe(2);
    expect(terms).not.toContain('Correct');
  });

  it('mergeShards(…) keeps a name that the corpus writes in lower case only as a slip, and folds the slip into it', () => {
    // "Wales" five times, "wales" once: under one use in five is not yet the ordinary word.
    const { terms, df } = termsOf('Ann: We moved to Wales. Schools in Wales are good. I left Wales. Wales is green. We love Wales. People outside of wales know it.');
    expect(terms).toContain('Wales');
    expect(terms).not.toContain('wales');
    expect(df('Wales')).toBe(6);
    // One use in two in lower case: the word ("Export" is a label read aloud).
    expect(termsOf('Ann: I clicked Export. The export failed.').terms).not.toContain('Export');
  });

  it('buildTextShard(…) makes no name of "Your Honor"', () => {
    const { terms } = termsOf('Ann: Your Honor, the statute is clear. Yes, Your Honor. No, Your Honor. Thank you, Your Honor. Well, Your Honor, we honor the contract.');
    expect(terms.filter((t) => /Honor/.test(t))).toEqual([]);
    expect(terms).toContain('honor');
  });

  it('buildTextShard(…) counts no noun of a fixed expression ("of course", "in order to"), and the same noun elsewhere', () => {
    const { terms, df } = termsOf(
      'Ann: Of course we will. In order to pass, a number of students took place in line with the rules. She took the course. The course had an order of topics. On a weekly basis we meet. On the other hand, the number was small.',
    );
    expect(df('course')).toBe(2);
    expect(df('order')).toBe(1);
    expect(df('number')).toBe(1);
    expect(terms).not.toContain('place');
    expect(terms).not.toContain('line');
    expect(terms).not.toContain('basis');
    expect(terms).not.toContain('hand');
    // A word the user keeps is a term in the expressions too.
    expect(termsOf('Ann: Of course. She took the course.', ['course']).df('course')).toBe(2);
  });

  it('mergeShards(…) makes one name of names that differ only by case or a plural ending, the most frequent form', () => {
    const { terms, df } = termsOf('Ann: We built PDPs for Acme. Each of the PDPs had a PDP plot. The PDPs were for Acme. The Petitioners argued. The Petitioner lost.');
    expect(terms).toContain('PDPs');
    expect(terms).not.toContain('PDP');
    expect(df('PDPs')).toBe(3);
    expect(terms.filter((t) => /^Petitioner/.test(t))).toHaveLength(1);
  });

  it('buildTextShard(…) masks stage directions in their common forms, keeping offsets', () => {
    const t = 'Ann: That was funny. (Laughter.) We met at noon [Laughter] and talked (inaudible 00:12) about money (pause) and [crosstalk] grants.';
    const { terms } = termsOf(t);
    expect(terms).toEqual(expect.arrayContaining(['funny', 'noon', 'money', 'grant']));
    expect(terms.filter((x) => /laugh|inaudible|pause|crosstalk/i.test(x))).toEqual([]);
  });
});
