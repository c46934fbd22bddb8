/**
 * Maps the document names a manual coding uses to the documents of a result: by id, then by
 * name, then by file name without extension, ignoring case.
 */
import type { LeximapResult } from '@leximap/core';

function key(name: string): string {
  return (name.split(/[\\/#]/).pop() ?? name).replace(/\.[A-Za-z0-9]{1,5}$/, '').trim().toLowerCase();
}

/** A lookup from a coding's document name to the result's document index (or undefined). */
export function matchDocuments(result: Pick<LeximapResult, 'documents'>): (name: string) => number | undefined {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  result.documents.forEach((doc, index) => {
    if (!exact.has(doc.id)) exact.set(doc.id, index);
    for (const k of [doc.id.toLowerCase(), doc.name.toLowerCase(), key(doc.id), key(doc.name)]) if (!loose.has(k)) loose.set(k, index);
  });
  return (name) => exact.get(name) ?? loose.get(name.toLowerCase()) ?? loose.get(key(name));
}
