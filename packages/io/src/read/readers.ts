/**
 * The one map from file extension (lower case, with the dot) to reader. `listSources` keeps
 * exactly these extensions and `readDocuments` dispatches on them: a new format (`.qdpx`) is a
 * reader function and one line here.
 */
import type { Reader } from './Reader.ts';
import { readCsv } from './readCsv.ts';
import { readDocx } from './readDocx.ts';
import { readQdpxDocuments } from '../qda/readQdpxDocuments.ts';
import { readOdt } from './readOdt.ts';
import { readPdf } from './readPdf.ts';
import { readRtf } from './readRtf.ts';
import { readSrt } from './readSrt.ts';
import { readTextFile } from './readTextFile.ts';
import { readVtt } from './readVtt.ts';
import { readXlsx } from './readXlsx.ts';

export const READERS: Readonly<Record<string, Reader>> = Object.freeze({
  '.txt': readTextFile,
  '.md': readTextFile,
  '.docx': readDocx,
  '.csv': readCsv,
  '.xlsx': readXlsx,
  '.qdpx': readQdpxDocuments,
  '.odt': readOdt,
  '.pdf': readPdf,
  '.vtt': readVtt,
  '.srt': readSrt,
  '.rtf': readRtf,
});
