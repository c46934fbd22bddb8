/**
 * Manual codes as tag spans for the engine (`analyze(corpus, options, { tagSpans })`), so each
 * code becomes a tag concept on the map (category `code`, label = the code path joined by ` > `).
 * Documents are given by the ids the engine knows; with a result, a coding's document names are
 * mapped to the result's document ids (by id, name or file name).
 */
import type { LeximapResult, TagSpan } from '@leximap/core';
import type { ManualCoding } from '@leximap/io';
import { matchDocuments } from './matchDocuments.ts';

export function codeTags(coding: Pick<ManualCoding, 'codes' | 'segments'>, documents?: Pick<LeximapResult, 'documents'>): TagSpan[] {
  const labels = new Map(coding.codes.map((code) => [code.id, code.path.join(' > ')]));
  const find = documents ? matchDocuments(documents) : undefined;
  const out: TagSpan[] = [];
  for (const segment of coding.segments) {
    const label = labels.get(segment.codeId);
    if (label === undefined || segment.end <= segment.start) continue;
    let document = segment.document;
    if (find && documents) {
      const index = find(segment.document);
      if (index === undefined) continue;
      document = (documents.documents[index] as { id: string }).id;
    }
    out.push({ label, category: 'code', document, start: segment.start, end: segment.end });
  }
  return out;
}
