/**
 * Reads a PDF's text layer with pdf.js (`pdfjs-dist`, Mozilla's PDF reader) as one document.
 *
 * The text is what a QDA tool shows of a PDF's text: the text layer, page by page, in the order
 * the PDF draws it (a scan without a text layer has none, and is refused). Lines end where pdf.js
 * ends them; a line that starts with a speaker marker, a vertical gap larger than `PARAGRAPH_GAP` × the usual line step starts a new
 * paragraph (a blank line), and so does a page whose last line stops short of the text's right
 * edge. Page furniture is left out: lines that are only a page number (`3`, `3/12`, `Page 3 of
 * 12`, and the paragraph numbers MAXQDA prints in the margin), a page's first line when it repeats
 * the previous page's last (as MAXQDA's exports do), and a first or last line repeated
 * on most pages at the same height (running headers and footers, digits ignored). Words hyphenated at a line end
 * stay as drawn. Every offset points into this text, so `text.slice(p.start, p.end)` is the
 * paragraph; a PDF coordinate (a REFI-QDA PDFSelection) is not kept.
 */
import { LeximapError, type Document } from '@leximap/core';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

/** A gap between two lines above this many usual line steps is a paragraph break. */
const PARAGRAPH_GAP = 1.4;
/** A page's last line ending before this share of the text's right edge ends its paragraph. */
const SHORT_LINE = 0.85;
/** Lines that are only a page or paragraph number. */
const PAGE_NUMBER = /^(?:page\s+)?\d{1,5}(?:\s*(?:\/|of)\s*\d{1,5})?$/i;
/** Most pages read; more is refused as a likely hostile file. */
export const MAX_PDF_PAGES = 10_000;

interface Line {
  text: string;
  /** Baseline, in PDF units (grows upwards). */
  y: number;
  right: number;
  height: number;
}

interface TextItemLike {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/** The lines of a page, from pdf.js' text items. */
function pageLines(items: readonly TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  const end = (): void => {
    if (current !== undefined && current.text.trim() !== '') lines.push({ ...current, text: current.text.trim() });
    current = undefined;
  };
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const x = item.transform[4] ?? 0;
    if (current !== undefined && item.str !== '' && Math.abs(current.y - y) > Math.max(current.height, item.height, 1) * 0.5) end();
    if (item.str !== '') {
      current ??= { text: '', y, right: x, height: item.height };
      current.text += item.str;
      current.right = Math.max(current.right, x + item.width);
      current.height = Math.max(current.height, item.height);
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** `page 3 of 12` at y 20 → `20 page # of #`: the shape and place of a running header or footer. */
const shape = (line: Line): string => `${Math.round(line.y)} ${line.text.replace(/\d+/g, '#').toLowerCase()}`;

/** Drops page numbers, a page's first line when it repeats the previous page's last, and the first or last lines that repeat on most pages. */
function dropFurniture(pages: Line[][]): Line[][] {
  const kept = pages.map((lines) => lines.filter((line) => !PAGE_NUMBER.test(line.text)));
  for (let p = 1; p < kept.length; p++) {
    const last = kept[p - 1]!.at(-1);
    if (last !== undefined && kept[p]![0]?.text === last.text) kept[p]!.shift();
  }
  if (kept.length < 3) return kept;
  const counts = new Map<string, number>();
  for (const lines of kept) {
    const ends = new Set([lines[0], lines[lines.length - 1]].filter((l) => l !== undefined).map(shape));
    for (const s of ends) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([, n]) => n >= 3 && n >= kept.length / 2).map(([s]) => s));
  if (repeated.size === 0) return kept;
  return kept.map((lines) => lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && repeated.has(shape(line)))));
}

/** True when a line starts with a speaker marker (`Dan: …`): a turn starts a paragraph even without a gap above it. */
function opensTurn(line: string): boolean {
  return parseParagraphs(line)[0]?.speaker !== undefined;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The document text: lines joined by line breaks, paragraphs by blank lines. */
function pagesToText(pages: Line[][]): string {
  const steps: number[] = [];
  let right = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const step = lines[i - 1]!.y - lines[i]!.y;
      if (step > 0) steps.push(step);
    }
    for (const line of lines) right = Math.max(right, line.right);
  }
  const step = median(steps);
  let text = '';
  let previous: Line | undefined;
  for (const lines of pages) {
    lines.forEach((line, i) => {
      if (previous !== undefined) {
        const newPage = i === 0;
        const gap = newPage ? 0 : previous.y - line.y;
        const breaks = (newPage ? previous.right < SHORT_LINE * right : step > 0 && (gap > PARAGRAPH_GAP * step || gap < 0)) || opensTurn(line.text);
        text += breaks ? '\n\n' : '\n';
      }
      text += line.text;
      previous = line;
    });
  }
  return text === '' ? '' : text + '\n';
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

export async function readPdf(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const file = source.path;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new LeximapError('E_PARSE', 'not a PDF file (no %PDF- header); export it from its application again', { file });
  // Loaded on first use, like mammoth: pdf.js takes a while to import.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given, and wants a plain Uint8Array (not a Buffer): a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pages: Line[][] = [];
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'PasswordException') {
        throw new LeximapError('E_PARSE', 'this PDF is encrypted (it needs a password); save an unprotected copy and read that', { file, cause });
      }
      throw new LeximapError('E_PARSE', `not a readable PDF (${reason(cause)}); export it from its application again`, { file, cause });
    }
    if (pdf.numPages > MAX_PDF_PAGES) throw new LeximapError('E_UNSAFE_INPUT', `this PDF has ${pdf.numPages} pages, more than the limit of ${MAX_PDF_PAGES}`, { file });
    for (let p = 1; p <= pdf.numPages; p++) {
      try {
        const page = await pdf.getPage(p);
        const content = await page.getTextContent();
        pages.push(pageLines(content.items.flatMap((item) => ('str' in item ? [item] : []))));
        page.cleanup();
      } catch (cause) {
        throw new LeximapError('E_PARSE', `page ${p} of this PDF cannot be read (${reason(cause)})`, { file, cause });
      }
    }
  } finally {
    await task.destroy();
  }
  const text = pagesToText(dropFurniture(pages));
  if (text.trim() === '') throw new LeximapError('E_PARSE', 'this PDF has no text layer (a scan?); run text recognition (OCR) on it first', { file });
  return [{ id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) }];
}
