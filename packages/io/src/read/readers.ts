/**
 * The one map from file extension (lower case, with the dot) to reader. `listSources` keeps
 * exactly these extensions and `readDocuments` dispatches on them: a new format (`.qdpx`) is a
 * reader function and one line here.
 *
 * Every reader but plain text is imported on its first file (`lazy`), so that a run, or a pool's
 * worker, loads the parsers of the formats it reads and no others (fast-xml-parser, fflate,
 * csv-parse, rtf-stream-parser and the subtitle parsers took about 0.1 s of each worker's start).
 */
import type { Reader } from './Reader.ts';
import { readTextFile } from './readTextFile.ts';

/** A reader imported on first use. */
function lazy<K extends string>(load: () => Promise<Record<K, Reader>>, name: K): Reader {
  let reader: Promise<Reader> | undefined;
  return async (...args) => (await (reader ??= load().then((module) => module[name])))(...args);
}

export const READERS: Readonly<Record<string, Reader>> = Object.freeze({
  '.txt': readTextFile,
  '.md': readTextFile,
  '.docx': lazy(() => import('./readDocx.ts'), 'readDocx'),
  '.csv': lazy(() => import('./readCsv.ts'), 'readCsv'),
  '.xlsx': lazy(() => import('./readXlsx.ts'), 'readXlsx'),
  '.qdpx': lazy(() => import('../qda/readQdpxDocuments.ts'), 'readQdpxDocuments'),
  '.odt': lazy(() => import('./readOdt.ts'), 'readOdt'),
  '.pdf': lazy(() => import('./readPdf.ts'), 'readPdf'),
  '.vtt': lazy(() => import('./readVtt.ts'), 'readVtt'),
  '.srt': lazy(() => import('./readSrt.ts'), 'readSrt'),
  '.rtf': lazy(() => import('./readRtf.ts'), 'readRtf'),
});
