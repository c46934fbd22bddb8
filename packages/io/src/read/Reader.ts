import type { Document } from '@leximap/core';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';

/** Something a reader left out of a file on purpose, and why (a project source without text, a column not made a tag). */
export interface ReaderNote {
  /** The file's path. */
  path: string;
  reason: string;
}

/**
 * Turns the bytes of one source file into its documents (one, or one per table row). What it
 * leaves out on purpose it pushes onto `notes`, so the result can say so.
 */
export type Reader = (bytes: Uint8Array, source: SourceFile, options: ReadOptions, notes?: ReaderNote[]) => Promise<Document[]>;
