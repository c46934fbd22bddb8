import { describe, expect, it } from 'vitest';
import { buildTextShard, loadNlp, resolveOptions, type Document } from '@leximap/core';

await loadNlp();

function doc(id: string, text: string): Document {
  return { id, name: id, tags: [], text, paragraphs: [{ start: 0, end: text.length }] };
}

describe('buildTextShard', () => {
  it("buildTextShard([d]) does not depend on what the thread tokenised before (wink-nlp learns \"Court's\" as a word)", () => {
    const options = resolveOptions({});
    const target = doc('b', "We rely on the Court's decision in Abudu. The Court's reasoning was different from the Court's earlier decision.");
    const before = buildTextShard([target], options);
    buildTextShard([doc('a', "I read the Court's, and the Judge's, and the Agency's.")], options);
    const after = buildTextShard([target], options);
    expect(after.terms).toEqual(before.terms);
    expect(Array.from(after.blockTerms)).toEqual(Array.from(before.blockTerms));
    expect(after.tokens).toBe(before.tokens);
  });
});
