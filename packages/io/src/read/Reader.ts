import type { Document } from '@leximap/core';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';

/** Turns the bytes of one source file into its documents (one, or one per table row). */
export type Reader = (bytes: Uint8Array, source: SourceFile, options: ReadOptions) => Promise<Document[]>;
