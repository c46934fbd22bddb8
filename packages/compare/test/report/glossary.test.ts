import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/report/glossary.ts';

describe('GLOSSARY', () => {
  it('GLOSSARY is the text of docs/glossary.md, so the copy beside summary.md and the repository agree', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../../../docs/glossary.md'), 'utf8')).toBe(GLOSSARY);
  });
  it('GLOSSARY defines every column of compare.csv and every figure of summary.md', () => {
    for (const term of ['share_of_code', 'share_of_concept', 'Jaccard', 'lift', 'κ', '| p |', '| q |', 'coverage', 'best-match F1', 'document κ', 'matched pairs', 'Chance levels']) expect(GLOSSARY).toContain(term);
  });
});
