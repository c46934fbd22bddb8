/**
 * Paragraphs of a plain text for sources read from a project: each non-blank line, trimmed.
 * Spans are UTF-16 indices, as in `Corpus`.
 */
import type { Paragraph } from '@leximap/core';

export function lineParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const line = /[^\r\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) paragraphs.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return paragraphs;
}
