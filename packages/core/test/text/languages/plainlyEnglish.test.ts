import { describe, expect, it, vi } from 'vitest';
import { DEFAULTS, documentLanguages, plainlyEnglish, type Document } from '../../../src/index.ts';

// eld stands in for itself here, counting its loads: it calls every text it reads Danish.
const eld = vi.hoisted(() => ({ loads: 0 }));
vi.mock('eld/extrasmall', () => {
  eld.loads++;
  return { eld: { detect: () => ({ language: 'da', isReliable: () => true, getScores: () => ({ da: 1 }) }) } };
});

const doc = (id: string, text: string): Document => ({ id, name: id, tags: [], text, paragraphs: [{ start: 0, end: text.length }] });
const times = (text: string, n: number): string => Array.from({ length: n }, () => text).join(' ');

const english = times(
  'Interviewer: What did the volunteers do with the grant? Mara: We bought books for the library and we ran a workshop, but it was not easy. ' +
    'They said that you have to plan the budget first, and this is what we did.',
  4,
);
// Dutch writes is, was, we and of as words, as English does: the markers and "the" still tell them apart.
const dutch = times('Het project was een succes, want we hebben de bibliotheek geholpen. Is het budget op of niet? De vrijwilligers waren blij en we gaan door.', 6);
const danish = times('Det er et problem for biblioteket. Vi har talt med kommunen om problemet og om budgettet, og de frivillige var glade for det.', 6);
const spanish = times('El Gobierno presenta una ley para proteger a los trabajadores del campo, y la oposición dice que no hay dinero para ello.', 6);

describe('plainlyEnglish', () => {
  it('plainlyEnglish(…) is true for English talk of 100 words or more, false for Dutch, Danish, Spanish and a short English line', () => {
    expect(english.split(/\s+/).length).toBeGreaterThan(100);
    expect(plainlyEnglish(english)).toBe(true);
    expect(plainlyEnglish(dutch)).toBe(false);
    expect(plainlyEnglish(danish)).toBe(false);
    expect(plainlyEnglish(spanish)).toBe(false);
    expect(plainlyEnglish('The budget was not easy, but we did it.')).toBe(false);
  });

  it('plainlyEnglish(…) is false for English with a tenth of its words from another language', () => {
    const mixed = english.replace(/ library /g, ' bibliothèque ').replace(/ books /g, ' livres élégants ').replace(/ workshop/g, ' atelier été');
    expect(plainlyEnglish(mixed)).toBe(false);
  });
});

describe('documentLanguages', () => {
  it('documentLanguages(plainly English documents) is English without loading eld; a Danish document needs it', async () => {
    expect(await documentLanguages([doc('a', english), doc('b', english)], { ...DEFAULTS, lang: 'auto' })).toEqual(['en', 'en']);
    expect(eld.loads).toBe(0);
    expect(await documentLanguages([doc('a', english), doc('c', danish)], { ...DEFAULTS, lang: 'auto' })).toEqual(['en', 'da']);
    expect(eld.loads).toBe(1);
  });
});
