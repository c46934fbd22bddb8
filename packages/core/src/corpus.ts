/**
 * The input of the engine: documents as plain text with their paragraphs.
 * `io` builds a Corpus from files; `core` never touches the file system.
 *
 * Spans inside a Corpus are half-open `[start, end)` in UTF-16 code units of `text`
 * (what JavaScript strings index by). The result converts them to Unicode code points,
 * the unit REFI-QDA and the result contract use.
 */

/** A half-open span `[start, end)` in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A paragraph or speaker turn: the part of the text that is analysed, without its speaker marker. */
export interface Paragraph extends Span {
  /** Speaker of the turn, when the paragraph opened with a speaker marker or continues one. */
  speaker?: string;
  /** Timestamp as written in the transcript (`00:01:23`), when there was one. */
  time?: string;
}

export interface Document {
  /** Stable identifier, unique in the corpus (the relative path for files). */
  id: string;
  /** Display name (the file name without extension). */
  name: string;
  /** Where it came from, for messages; not used in computation. */
  path?: string;
  /** Tags as `category:value`, e.g. `folder:site-A`, `file:P03`. Speakers are added per block. */
  tags: string[];
  /** The original text, exactly as read (after BOM removal and decoding). */
  text: string;
  /** Paragraphs in text order, non-overlapping. Text outside every paragraph is not analysed. */
  paragraphs: Paragraph[];
  /**
   * The encoding the file was read in, when it was not UTF-8 (`windows-1252`, `ISO-8859-1`,
   * `UTF-16LE` …: detected, or declared by a byte-order mark); absent for UTF-8 and for formats
   * that fix their own encoding (docx, pdf …).
   */
  encoding?: string;
}

export interface Corpus {
  documents: Document[];
}
