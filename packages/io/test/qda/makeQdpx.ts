/** Tiny REFI-QDA projects built in memory for the reader tests. */
import { zipSync, type Zippable } from 'fflate';

export const NS = 'urn:QDA-XML:project:1.0';

export function makeQdpx(qde: string, sources: Record<string, string | Uint8Array> = {}, qdeName = 'project.qde'): Uint8Array {
  const files: Zippable = { [qdeName]: new TextEncoder().encode(qde) };
  for (const [name, content] of Object.entries(sources)) files[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return zipSync(files);
}

/** GUID number n (readable in tests). */
export function g(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A project with one text source `text` (as a file) and selections `[start, end, codeGuid]`. */
export function oneSourceProject(text: string, selections: [number, number, string][], codes = `<Code guid="${g(1)}" name="C" isCodable="true"/>`): Uint8Array {
  const sel = selections
    .map(([s, e, code], i) => `<PlainTextSelection guid="${g(100 + i)}" startPosition="${s}" endPosition="${e}"><Coding guid="${g(200 + i)}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`)
    .join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="${NS}" name="p"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources><TextSource guid="${g(50)}" name="doc.txt" plainTextPath="internal://${g(50)}.txt">${sel}</TextSource></Sources></Project>`;
  return makeQdpx(qde, { [`sources/${g(50)}.txt`]: text });
}
