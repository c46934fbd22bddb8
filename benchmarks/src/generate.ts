/**
 * A seeded generator of interview-like transcripts of any size, so that anyone can run the
 * benchmarks (and the determinism tests) without the court transcripts. Each document is an
 * interview: `Interviewer:` questions and a participant's answers in speaker turns, a few topics
 * per interview, each topic with its own vocabulary, general filler, names, and a long Zipf tail
 * of invented words so the vocabulary keeps growing with the corpus as real text does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lcg } from '@leximap/core';

const TOPICS: Record<string, { nouns: string[]; verbs: string[]; adjectives: string[] }> = {
  housing: { nouns: ['rent', 'landlord', 'apartment', 'neighbourhood', 'mortgage', 'lease', 'tenant', 'eviction', 'deposit', 'building'], verbs: ['rent', 'move', 'afford', 'renovate', 'evict'], adjectives: ['expensive', 'crowded', 'affordable', 'damp'] },
  work: { nouns: ['manager', 'shift', 'salary', 'colleague', 'contract', 'overtime', 'union', 'promotion', 'office', 'deadline'], verbs: ['hire', 'negotiate', 'promote', 'quit', 'supervise'], adjectives: ['stressful', 'flexible', 'permanent', 'remote'] },
  health: { nouns: ['doctor', 'clinic', 'appointment', 'medication', 'nurse', 'insurance', 'therapy', 'symptom', 'hospital', 'diagnosis'], verbs: ['prescribe', 'treat', 'recover', 'diagnose', 'refer'], adjectives: ['chronic', 'mental', 'painful', 'urgent'] },
  school: { nouns: ['teacher', 'classroom', 'homework', 'exam', 'curriculum', 'pupil', 'principal', 'tuition', 'lesson', 'grade'], verbs: ['teach', 'study', 'graduate', 'enrol', 'tutor'], adjectives: ['academic', 'strict', 'supportive', 'difficult'] },
  family: { nouns: ['mother', 'father', 'sibling', 'childcare', 'grandparent', 'wedding', 'household', 'cousin', 'daughter', 'son'], verbs: ['raise', 'visit', 'marry', 'care', 'argue'], adjectives: ['close', 'extended', 'single', 'supportive'] },
  transport: { nouns: ['bus', 'train', 'commute', 'ticket', 'bicycle', 'traffic', 'station', 'driver', 'parking', 'route'], verbs: ['commute', 'drive', 'cycle', 'delay', 'park'], adjectives: ['late', 'crowded', 'reliable', 'cheap'] },
  technology: { nouns: ['software', 'laptop', 'internet', 'password', 'platform', 'algorithm', 'screen', 'database', 'website', 'update'], verbs: ['install', 'download', 'program', 'update', 'crash'], adjectives: ['digital', 'online', 'slow', 'secure'] },
  volunteering: { nouns: ['volunteer', 'community', 'event', 'donation', 'charity', 'organiser', 'workshop', 'meeting', 'campaign', 'newsletter'], verbs: ['organise', 'donate', 'recruit', 'volunteer', 'coordinate'], adjectives: ['local', 'voluntary', 'motivated', 'grassroots'] },
  food: { nouns: ['recipe', 'kitchen', 'grocery', 'restaurant', 'vegetable', 'dinner', 'market', 'bread', 'diet', 'meal'], verbs: ['cook', 'bake', 'shop', 'eat', 'prepare'], adjectives: ['fresh', 'healthy', 'organic', 'spicy'] },
  environment: { nouns: ['climate', 'pollution', 'recycling', 'energy', 'garden', 'river', 'emission', 'forest', 'waste', 'flood'], verbs: ['recycle', 'plant', 'protect', 'reduce', 'pollute'], adjectives: ['green', 'sustainable', 'toxic', 'renewable'] },
  money: { nouns: ['budget', 'debt', 'savings', 'loan', 'bank', 'pension', 'tax', 'bill', 'income', 'benefit'], verbs: ['save', 'borrow', 'spend', 'invest', 'pay'], adjectives: ['financial', 'monthly', 'tight', 'stable'] },
  sport: { nouns: ['football', 'coach', 'team', 'match', 'training', 'gym', 'league', 'stadium', 'injury', 'tournament'], verbs: ['train', 'compete', 'win', 'score', 'coach'], adjectives: ['competitive', 'athletic', 'fit', 'amateur'] },
};
const TOPIC_NAMES = Object.keys(TOPICS);
const FIRST = ['Amara', 'Lisa', 'Tomas', 'Priya', 'Jonas', 'Mei', 'Kwame', 'Sofia', 'Daniel', 'Fatima', 'Oliver', 'Ines'];
const LAST = ['Okafor', 'Berg', 'Novak', 'Sharma', 'Lindqvist', 'Chen', 'Mensah', 'Rossi', 'Meyer', 'Haddad'];
const PLACES = ['Riverside', 'Northfield', 'Lisbon', 'Kraków', 'Nairobi', 'Eastgate', 'Portland', 'Hillcrest'];
const FILLER_NOUNS = ['thing', 'time', 'people', 'way', 'year', 'day', 'problem', 'question', 'idea', 'situation', 'experience', 'part', 'change', 'reason'];
const FILLER_VERBS = ['think', 'feel', 'know', 'say', 'try', 'need', 'want', 'remember', 'notice', 'help'];
const OPENERS = ['Well,', 'I mean,', 'Honestly,', 'So', 'Yeah,', 'Um,', 'You know,', 'Actually,', 'I guess', ''];
const QUESTIONS = [
  'Can you tell me more about the {n}?',
  'How did you feel when the {n} changed?',
  'What did the {n} mean for you and your {n2}?',
  'Why do you think the {n} was so {a}?',
  'Could you describe a typical day with the {n}?',
];
const ANSWERS = [
  '{o} the {n} was really {a}, and we had to {v} the {n2} every week.',
  '{o} I {fv} that the {n} is the main {fn} for me.',
  'My {fam} used to {v} the {n} with {name} before we moved to {place}.',
  '{o} it was {a} because the {n} and the {n2} never worked together.',
  'We talked to {name} about the {n}, but nobody wanted to {v} it.',
  'There was a {a} {n} near the {n2}, and I still {fv} about the {tail}.',
  '{o} the {tail} and the {n} made it {a} for everyone in the {n2}.',
  'I {fv} the {fn} with the {n} was {a}, to be honest.',
  'In {place} the {n} is {a}, so people {v} the {n2} themselves.',
  '{o} {name} said the {tail} would {v} the {n} eventually.',
  'That {n} was {name}\'s, not mine.',
  '{o} {name}\'s {n2} was {a}, and the {n} too.',
];

/** Options of `generateCorpus`. */
export interface GenerateOptions {
  /** Seed of every draw. @default 1 */
  seed?: number;
  /** Number of interviews. */
  documents: number;
  /** Mean words per interview (±50%). @default 3000 */
  wordsPerDocument?: number;
}

export interface GeneratedDocument {
  name: string;
  text: string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ten', 'dra', 'vel', 'sor', 'pin', 'gu', 'bra', 'ne', 'tio', 'mar', 'ul', 'fe', 'zen', 'ri', 'dos'];

/** The k-th invented word of the long tail (deterministic, pronounceable, at least 5 letters). */
function tailWord(k: number): string {
  let word = '';
  let x = k + 7;
  do {
    word += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0 || word.length < 5);
  return word;
}

/** Generates `documents` interviews; the same options always give the same text. */
export function* generateCorpus(options: GenerateOptions): Generator<GeneratedDocument> {
  const random = lcg(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mean = options.wordsPerDocument ?? 3000;
  const tailSize = 20000;
  // Zipf-like draw from the tail: index ~ tailSize^u.
  const tail = (): string => tailWord(Math.floor(Math.pow(tailSize, random())) - 1);
  for (let d = 0; d < options.documents; d++) {
    const topics = [pick(TOPIC_NAMES), pick(TOPIC_NAMES), pick(TOPIC_NAMES)].map((t) => TOPICS[t]!);
    const participant = `${pick(FIRST)} ${pick(LAST)}`;
    const target = Math.round(mean * (0.5 + random()));
    const lines: string[] = [];
    let words = 0;
    while (words < target) {
      const topic = topics[random() < 0.6 ? 0 : random() < 0.6 ? 1 : 2]!;
      const fill = (template: string): string =>
        template
          .replace('{n2}', pick(topic.nouns))
          .replace('{n}', pick(topic.nouns))
          .replace('{n}', pick(topic.nouns))
          .replace('{v}', pick(topic.verbs))
          .replace('{a}', pick(topic.adjectives))
          .replace('{o}', pick(OPENERS))
          .replace('{fv}', pick(FILLER_VERBS))
          .replace('{fn}', pick(FILLER_NOUNS))
          .replace('{fam}', pick(TOPICS.family!.nouns))
          .replace('{name}', pick(FIRST))
          .replace('{place}', pick(PLACES))
          .replace('{tail}', tail())
          .replace(/^ +/, '')
          .replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
      const question = fill(pick(QUESTIONS));
      const answer: string[] = [];
      const sentences = 1 + Math.floor(random() * 6);
      for (let s = 0; s < sentences; s++) answer.push(fill(pick(ANSWERS)));
      const turn = `Interviewer: ${question}\n\n${participant}: ${answer.join(' ')}`;
      words += turn.split(/\s+/).length;
      lines.push(turn);
    }
    yield { name: `interview-${String(d + 1).padStart(5, '0')}`, text: `${lines.join('\n\n')}\n` };
  }
}

/** Writes the generated interviews as `.txt` files into `folder`; returns the number of words. */
export async function writeCorpus(folder: string, options: GenerateOptions): Promise<{ files: number; words: number }> {
  await mkdir(folder, { recursive: true });
  let files = 0;
  let words = 0;
  for (const doc of generateCorpus(options)) {
    await writeFile(join(folder, `${doc.name}.txt`), doc.text);
    words += doc.text.split(/\s+/).filter(Boolean).length;
    files++;
  }
  return { files, words };
}
