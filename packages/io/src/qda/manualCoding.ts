/**
 * The common output of every manual-coding reader (REFI-QDA `.qdpx` and `.qdc`, MAXQDA coded
 * segments as XLSX or CSV, plain `document,code,segment` CSV): a code tree and the coded
 * segments, anchored in document text by Unicode code points, half-open `[start, end)` — the
 * unit REFI-QDA and the result contract use.
 */
import type { Document } from '@leximap/core';

/** Where a manual coding came from. */
export type ManualCodingFormat = 'qdpx' | 'qdc' | 'maxqda-xlsx' | 'maxqda-csv' | 'csv';

/** One code of the manual code tree. */
export interface ManualCode {
  /** Stable id: the REFI GUID, or the path joined with ` > ` for tables. */
  id: string;
  name: string;
  /** Names from the top-level code down to this one, e.g. `["Mentoring", "Finding a mentor"]`. */
  path: string[];
  /** Id of the parent code; absent for top-level codes. */
  parentId?: string;
  /** `#RRGGBB` when the coding tool gave one. */
  colour?: string;
  /** False for folders that hold codes but cannot code text (REFI `isCodable="false"`). */
  codable: boolean;
  description?: string;
}

/** A passage coded with one code, located in a document. */
export interface ManualSegment {
  /** Id of the code (a {@link ManualCode.id}). */
  codeId: string;
  /** `Document.id` of the document the segment is in. */
  document: string;
  /** Start in code points of the document text. */
  start: number;
  /** End (exclusive) in code points of the document text. */
  end: number;
  /** The coded text, as it stands in the document. */
  text: string;
  /** GUID of the REFI `PlainTextSelection`, when the segment came from one. */
  selectionId?: string;
}

/** A coded segment that could not be placed in a document, and why. */
export interface UnresolvedSegment {
  codeId?: string;
  /** The document as the coding file names it. */
  document: string;
  text?: string;
  start?: number;
  end?: number;
  reason: string;
}

/**
 * How a REFI source's offsets were read: `codepoints` (the standard), `crlf1` (a CR LF pair
 * counted as one character), `utf16` (UTF-16 code units), or `utf16-crlf1`.
 */
export type OffsetMode = 'codepoints' | 'crlf1' | 'utf16' | 'utf16-crlf1';

/** Per-source offset detection: the mode kept and the share of selection ends on word boundaries. */
export interface OffsetReport {
  document: string;
  mode: OffsetMode;
  selections: number;
  /** Share of selection starts and ends that fall on word boundaries under `mode`, 0–1. */
  onBoundary: number;
}

/** A REFI user. */
export interface QdaUser {
  id: string;
  name: string;
}

/** A REFI set: a group of codes and/or documents. */
export interface QdaSet {
  id: string;
  name: string;
  /** Code ids. */
  codes: string[];
  /** Document ids. */
  documents: string[];
}

/** A REFI case with its variables and the documents it covers. */
export interface QdaCase {
  id: string;
  name: string;
  documents: string[];
  variables: Record<string, string>;
}

export interface ManualCoding {
  format: ManualCodingFormat;
  /** The file read (as given), for messages and reports. */
  source: string;
  /** Code tree in depth-first order (parents before children). */
  codes: ManualCode[];
  /** Located segments, in file order. */
  segments: ManualSegment[];
  /** Segments that could not be located or resolved. */
  unresolved: UnresolvedSegment[];
  /** Share of segments located: segments / (segments + unresolved), 1 when there were none. */
  located: number;
  /** The project's text sources as documents (`.qdpx` only): analysable as a Corpus. */
  documents?: Document[];
  users?: QdaUser[];
  sets?: QdaSet[];
  cases?: QdaCase[];
  /** Document id → GUID of its REFI text source (`.qdpx` only), so new codings can be merged back. */
  sourceGuids?: Record<string, string>;
  /** Per-source offset detection (`.qdpx` only). */
  offsets?: OffsetReport[];
  /** Readable diagnostics: skipped codings, fallbacks taken. */
  notes: string[];
  /** Text sources left out of `documents` because their text is missing (`.qdpx` only), with why and how many selections they hold. */
  skippedSources?: { name: string; reason: string; selections: number }[];
}
