import { beforeAll, describe, expect, it } from 'vitest';
import { buildTextModel, buildTextShard, DEFAULTS, detectLanguage, loadLanguageDetector, loadNlp, mergeShards, type Document } from '../../../src/index.ts';
import { corpusLanguages } from '../../../src/text/languages/corpusLanguages.ts';

const doc = (id: string, text: string): Document => ({ id, name: id, tags: [], text, paragraphs: [{ start: 0, end: text.length }] });
const english = doc('en', 'The problem of the library is the budget. We talked about the problem with the council.');
const danish = doc('da', 'Det er et problem for biblioteket. Vi har talt med kommunen om problemet og om budgettet.');

beforeAll(() => Promise.all([loadLanguageDetector(), loadNlp()]));

describe('detectLanguage', () => {
  it('detectLanguage(…) tells Danish, Spanish and Hebrew apart, and gives the fallback for a text too short to tell', () => {
    expect(detectLanguage(danish.text, 'en')).toEqual({ lang: 'da', reliable: true });
    expect(detectLanguage('El Gobierno presenta una ley para proteger a los trabajadores del campo.', 'en').lang).toBe('es');
    expect(detectLanguage('הממשלה הציגה חוק חדש שיגן על העובדים.', 'en').lang).toBe('he');
    expect(detectLanguage('ok', 'en')).toEqual({ lang: 'en', reliable: false });
  });
});

describe('buildTextModel', () => {
  it('buildTextModel(all English) is exactly the English stage', async () => {
    const [only, ...rest] = await buildTextModel([english, english], { ...DEFAULTS, lang: 'auto' });
    expect(rest).toEqual([]);
    expect({ ...only, documentLanguages: undefined }).toEqual({ ...buildTextShard([english, english], DEFAULTS), documentLanguages: undefined });
    expect(only!.documentLanguages).toEqual(['en', 'en']);
  });

  it('buildTextModel(English, Danish) keeps a word of both languages as two terms, so concepts stay within their language', async () => {
    const shards = await buildTextModel([english, danish], { ...DEFAULTS, lang: 'auto' });
    expect(shards).toHaveLength(2);
    const stats = mergeShards(shards);
    expect(stats.documentLanguages).toEqual(['en', 'da']);
    expect(stats.terms).toContain('problem');
    expect(stats.terms).toContain('problem (da)');
    expect(stats.terms).not.toContain('problemet');
  });

  it('buildTextModel(…, { lang: "da" }) reads every document as Danish', async () => {
    const stats = mergeShards(await buildTextModel([english, danish], { ...DEFAULTS, lang: 'da' }));
    expect(stats.documentLanguages).toEqual(['da', 'da']);
  });
});

describe('corpusLanguages', () => {
  it('corpusLanguages(all English) says only lang en, so English results keep their bytes', () => {
    expect(corpusLanguages(['en', 'en'])).toEqual({ lang: 'en', mixed: false, warnings: [] });
  });

  it('corpusLanguages(mixed) gives mul, the counts, each document, and warns of the mix and of a language without a stop list', () => {
    const found = corpusLanguages(['da', 'en', 'da', 'ka']);
    expect(found.lang).toBe('mul');
    expect(found.languages).toEqual({ da: 2, en: 1, ka: 1 });
    expect(found.documentLanguages).toEqual(['da', 'en', 'da', 'ka']);
    expect(found.mixed).toBe(true);
    expect(found.warnings).toHaveLength(2);
    expect(found.warnings[1]).toMatch(/^no stop list for language ka \(1 document\)/);
  });
});
