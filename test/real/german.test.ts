/**
 * German read as German writes it: TypeScript's compiler messages in German (the `typescript`
 * devDependency ships them, 2,120 messages, 24 k words), the one German text at hand. Every noun is
 * capitalised in German, and the stage has no tagger, so before a lower-case word counted as a noun
 * the concepts were verbs and participles (*verwendet, erwartet, angegeben, gefunden*).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Corpus, type LeximapResult } from '@leximap/core';

function germanMessages(): Corpus {
  const lib = dirname(createRequire(import.meta.url).resolve('typescript'));
  const messages = Object.values(JSON.parse(readFileSync(join(lib, 'de', 'diagnosticMessages.generated.json'), 'utf8')) as Record<string, string>).map((m) =>
    m.replace(/\{\d\}/g, 'X'),
  );
  const per = Math.ceil(messages.length / 20);
  const documents = Array.from({ length: 20 }, (_, d) => {
    const chunk = messages.slice(d * per, (d + 1) * per);
    let text = '';
    const paragraphs = chunk.map((m) => {
      const start = text.length;
      text += m + '\n\n';
      return { start, end: start + m.length };
    });
    return { id: `d${d}`, name: `d${d}`, tags: [], text, paragraphs };
  });
  return { documents };
}

describe("TypeScript's German compiler messages", () => {
  let result: LeximapResult;
  beforeAll(async () => {
    result = await analyze(germanMessages(), { stability: 0 });
  });

  it('analyze(…) detects German and makes concepts of nouns, shown capitalised as German writes them', () => {
    expect(result.parameters.languages).toEqual({ de: 20 });
    const labels = result.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label);
    expect(labels.length).toBeGreaterThan(30);
    expect(labels).toEqual(expect.arrayContaining(['Typ', 'Modul', 'Datei', 'Klasse', 'Parameter']));
    // A verb, participle or adjective is written in lower case inside a sentence.
    expect(labels.filter((l) => !/^\p{Lu}/u.test(l))).toEqual([]);
  });
});
