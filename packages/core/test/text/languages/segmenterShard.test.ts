import { describe, expect, it } from 'vitest';
import { buildSegmenterShard, DEFAULTS, loadLanguageTools, mergeShards, type Document } from '../../../src/index.ts';

await loadLanguageTools();

const doc = (text: string): Document => ({ id: 'd', name: 'd', tags: [], text, paragraphs: [{ start: 0, end: text.length }] });
const options = { ...DEFAULTS, blockSentences: 1 };

/** The terms of each block, as shown, names marked with a star. */
function blockTerms(text: string, lang: string, extra: Partial<typeof options> = {}): { terms: string[][]; stats: ReturnType<typeof mergeShards> } {
  const stats = mergeShards([buildSegmenterShard([doc(text)], [lang], { ...options, ...extra })]);
  const terms: string[][] = [];
  for (let b = 0; b < stats.blocks.doc.length; b++) {
    terms.push(Array.from(stats.blockTerms.subarray(stats.blockTermStarts[b], stats.blockTermStarts[b + 1]), (t) => stats.terms[t]! + (stats.kinds[t] ? '*' : '')).sort());
  }
  return { terms, stats };
}

describe('buildSegmenterShard', () => {
  const danish = 'Regeringen fremsætter et forslag. Forslaget blev vedtaget af Folketinget i går, siger Helle Thorning-Schmidt.';

  it('buildSegmenterShard(Danish) cuts sentences at the full stop, counts words, and gives their spans', () => {
    const { stats } = blockTerms(danish, 'da');
    expect(stats.counts.sentences).toBe(2);
    // Regeringen fremsætter et forslag | Forslaget blev vedtaget af Folketinget i går siger Helle Thorning Schmidt
    expect(stats.counts.tokens).toBe(4 + 11);
    expect(Array.from(stats.blocks.start)).toEqual([0, 34]);
    expect(Array.from(stats.blocks.end)).toEqual([33, danish.length]);
    expect(stats.documentLanguages).toEqual(['da']);
  });

  it('buildSegmenterShard(Danish) drops stop words, merges "Forslaget" with "forslag" by the Snowball stem, and keeps a hyphenated name whole', () => {
    const { terms } = blockTerms(danish, 'da');
    // et, blev, af, i: stop words of both lists. Regeringen → regering (shown by its one form).
    expect(terms).toEqual([
      ['forslag', 'fremsætter', 'regeringen'],
      ['Folketinget*', 'Helle Thorning-Schmidt*', 'forslag', 'går', 'siger', 'vedtaget'],
    ]);
  });

  it('buildSegmenterShard(Spanish) merges "leyes" with "ley" and reads a capital behind a sentence-initial article as a name only if it is one elsewhere', () => {
    const { terms } = blockTerms('El Gobierno presenta una ley. Las leyes del gobierno protegen a los trabajadores, dijo Pedro Sánchez.', 'es');
    expect(terms).toEqual([
      ['gobierno', 'ley', 'presenta'],
      ['Pedro Sánchez*', 'gobierno', 'ley', 'protegen', 'trabajadores'],
    ]);
  });

  it('buildSegmenterShard(…, { mergeVariants: false }) keeps inflected forms apart', () => {
    const { terms } = blockTerms('Las leyes y la ley.', 'es', { mergeVariants: false });
    expect(terms).toEqual([['ley', 'leyes']]);
  });

  it('buildSegmenterShard(Hebrew) drops a stop word behind a clitic prefix letter and finds no names in a script without case', () => {
    const { terms } = blockTerms('הממשלה הציגה חוק חדש. ואני חושב שהחוק הזה טוב לכל אזרחי ישראל.', 'he');
    // ואני = ו + אני, הזה = ה + זה, לכל = ל + כל: stop words behind a prefix.
    expect(terms).toEqual([
      ['הממשלה', 'הציגה', 'חדש', 'חוק'].sort(),
      ['אזרחי', 'חושב', 'טוב', 'ישראל', 'שהחוק'].sort(),
    ]);
  });

  it('buildSegmenterShard(Japanese) cuts words where there are no spaces (ICU dictionary)', () => {
    const { terms, stats } = blockTerms('東京はとても大きい都市です。', 'ja');
    // 東京 | は | とても | 大きい | 都市 | です | 。 — は and です are stop words.
    expect(stats.counts.tokens).toBe(6);
    expect(terms).toEqual([['とても', '大きい', '東京', '都市'].sort()]);
  });

  it('buildSegmenterShard(Spanish, French) counts a word as a noun where an article or determiner is right before it, so verbs and adjectives are no seeds', () => {
    const share = (stats: ReturnType<typeof mergeShards>, t: string): number => stats.nounShare[stats.terms.findIndex((x) => x === t)]!;
    const es = blockTerms('La ley establece el plazo. El consejo presenta la ley económica. Se establece un impuesto por ley. El decreto-ley.', 'es').stats;
    // "por ley" (a preposition) and "decreto-ley" (a compound) count for neither; "ley económica" makes económica no noun.
    expect([share(es, 'ley'), share(es, 'plazo'), share(es, 'impuesto'), share(es, 'decreto'), share(es, 'establece'), share(es, 'económica')]).toEqual([1, 1, 1, 1, 0, 0]);
    const fr = blockTerms("L'école ouvre. Les élèves aiment l'école.", 'fr').stats;
    expect([share(fr, 'école'), share(fr, 'élèves'), share(fr, 'ouvre'), share(fr, 'aiment')]).toEqual([1, 1, 0, 0]);
  });

  it('buildSegmenterShard(Turkish) folds case by Turkish rules: İ → i, I → ı', () => {
    const { terms } = blockTerms('Bugün İSTANBUL ve IRMAK güzel.', 'tr', { names: false });
    expect(terms[0]).toContain('istanbul');
    expect(terms[0]).toContain('ırmak');
  });

  it('buildSegmenterShard(German) reads capitalised nouns as words, not names, shown as written', () => {
    const { terms } = blockTerms('Wir sprechen über die Schule und die Lehrer.', 'de');
    expect(terms).toEqual([['Lehrer', 'Schule', 'sprechen']]);
  });

  it('buildSegmenterShard(German) counts a word as a noun only where it is capitalised, so verbs and adjectives are no seeds', () => {
    const { stats } = blockTerms('Die Schule war wichtig. Wir haben die Schule organisiert. Schule ist wichtig. Organisiert wurde viel.', 'de');
    const share = (t: string): number => stats.nounShare[stats.terms.findIndex((x) => x.toLowerCase() === t)]!;
    // "Organisiert" at a sentence start may be anything: that use counts for neither.
    expect([share('schule'), share('wichtig'), share('organisiert')]).toEqual([1, 0, 0]);
  });

  it('buildSegmenterShard(…) masks stage directions in the transcription conventions of German, French, Spanish, Portuguese and Dutch', () => {
    const cases: [lang: string, text: string, kept: string][] = [
      ['de', 'Die Schule war schön (lacht). Die Lehrer ((räuspert sich)) waren (unv.) streng #00:01:23-4# (Lachen).', 'Schule'],
      ['fr', "L'école était belle (rires). Les professeurs (inaudible) étaient sévères [rires].", 'école'],
      ['es', 'La escuela era bonita (risas). Los profesores (silencio) eran estrictos (ríe).', 'escuela'],
      ['pt', 'A escola era bonita (risos). Os professores (inaudível) eram rigorosos (pausa).', 'escola'],
      ['nl', 'De school was mooi (lacht). De leraren (onverstaanbaar) waren streng (stilte).', 'school'],
    ];
    for (const [lang, text, kept] of cases) {
      const words = blockTerms(text, lang).terms.flat();
      expect(words, lang).toContain(kept);
      expect(words.filter((w) => /lach|räusper|unv|rire|risa|silencio|ríe|riso|inaud|pausa|onverstaan|stilte/i.test(w)), lang).toEqual([]);
    }
  });

  it('buildSegmenterShard(French, Italian) takes elided articles off the next word: l\'école is école, dell\'arte is arte, L\'Europe a name', () => {
    const { terms } = blockTerms("L'école raconte l'histoire d’Emmanuel Macron, qu'il aime. Aujourd'hui l'école et L'Europe.", 'fr');
    // qu'il → il (a stop word); aujourd'hui is no elision and, with its apostrophe, no term.
    expect(terms).toEqual([
      ['Emmanuel Macron*', 'aime', 'histoire', 'raconte', 'école'],
      ['Europe*', 'école'],
    ]);
    expect(blockTerms("La commedia dell'arte e l'arte di un'idea.", 'it').terms).toEqual([['arte', 'commedia', 'idea']]);
  });

  it('buildSegmenterShard(…) stops the fillers of speech that the published lists lack: German ähm, genau, halt; French ouais, truc; Danish altså, ting; Russian короче, штука; Polish yyy, rzecz', () => {
    expect(blockTerms('Ähm, genau, die Schule war halt irgendwie so ein Ding, mhm.', 'de').terms).toEqual([['Schule']]);
    expect(blockTerms("Ouais, l'école c'est un truc, tu vois.", 'fr').terms).toEqual([['vois', 'école']]);
    expect(blockTerms('Øh, altså, skolen er en ting.', 'da').terms).toEqual([['skolen']]);
    expect(blockTerms('Ну, короче, школа это такая штука, ага.', 'ru').terms).toEqual([['школа']]);
    expect(blockTerms('Yyy, no wiesz, szkoła to taka rzecz.', 'pl').terms).toEqual([['szkoła']]);
  });

  it('buildSegmenterShard(Turkish) cuts the case suffix written after an apostrophe off a name: İstanbul\'da is İstanbul', () => {
    const { terms } = blockTerms("Ben İstanbul'da yaşıyorum. Ben de Ankara'ya gittim, İstanbul'dan uzak.", 'tr');
    expect(terms).toEqual([
      ['yaşıyorum', 'İstanbul*'],
      ['Ankara*', 'gittim', 'uzak', 'İstanbul*'],
    ]);
  });
});
