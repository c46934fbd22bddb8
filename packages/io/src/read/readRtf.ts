/**
 * Reads a Rich Text Format file (`.rtf`: Word, WordPad, TextEdit, LibreOffice, and the export of
 * most transcription services) as one document, through `rtf-stream-parser` (the tokenizer and
 * plain-text reader of an e-discovery platform; Microsoft's RTF 1.9.1 specification underneath).
 *
 * The library decodes what RTF escapes: `\uN` Unicode characters with their `\ucN` fallbacks
 * skipped (surrogate pairs joined), `\'hh` bytes in the code page of the current font's
 * `\fcharset`, else the document's `\ansicpg` (decoded by `iconv-lite`), `\binN` data, and
 * `\*` destinations a reader does not know, which it leaves out. On top of that, as a QDA tool's
 * text view shows the document: only the body text is kept — font, colour and style tables,
 * `\info`, headers and footers, footnotes, comments, pictures, objects, list bullets and
 * hidden text (`\v`) are left out, a field shows its result; `\par`, `\sect`, `\page` and a
 * table cell end a paragraph, `\line` is a line break inside one, `\tab` a tab. The text is the
 * paragraphs each followed by a blank line, as `.docx` and `.odt` read, so every offset points
 * into this extracted text, never into the RTF bytes.
 *
 * Refused in one line: a file that does not start with `{\rtf`, unbalanced groups (a `}` that
 * closes the document before its end, or groups left open), groups nested deeper than
 * `MAX_RTF_DEPTH`, a `\bin` longer than the file, a bad `\'hh` escape, a code page that cannot be
 * decoded, and a file over `MAX_RTF_BYTES`.
 */
import rtfStreamParser from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
import type { FeatureHandler } from 'rtf-stream-parser/dist/src/features/types.js';
import type { ProcessTokensGlobalState } from 'rtf-stream-parser/dist/src/ProcessTokens.types.js';
import type { Token } from 'rtf-stream-parser/dist/src/tokenize.js';
import iconv from 'iconv-lite';
import { LeximapError, type Document } from '@leximap/core';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

const { Tokenize } = rtfStreamParser;

/** Deepest group nesting read (Word nests a few dozen at most); deeper is a hostile file. */
export const MAX_RTF_DEPTH = 1000;
/** Largest file read (pictures make RTF large, text alone rarely is). */
export const MAX_RTF_BYTES = 1024 * 2 ** 20;

/** Destinations whose text is part of the body; any other destination is left out. */
const BODY = new Set(['rtf', 'field', 'fldrslt', 'upr']);
/** Control words that end a paragraph (`\` before a line break is `\par`, as TextEdit writes). */
const PARAGRAPH_ENDS = ['par', 'sect', 'page', 'cell', 'nestcell', '\n', '\r'];
/** RTF code pages that `iconv-lite` names otherwise (the Mac ones). */
const CODE_PAGE_NAMES: Readonly<Record<string, string>> = { cp0: 'cp1252', cp10000: 'macintosh', cp10006: 'macgreek', cp10007: 'maccyrillic', cp10029: 'maccenteuro', cp10079: 'maciceland', cp10081: 'macturkish' };

/** The group state the reader adds to the library's: hidden text (`\v`). */
interface State extends ProcessTokensGlobalState {
  _state: ProcessTokensGlobalState['_state'] & { hidden?: boolean };
}

/** True when output at this point is not body text. */
function suppressed(global: State): boolean {
  const state = global._state;
  if (state.destIgnorable || state.hidden) return true;
  const destinations = state.allDestinations;
  if (destinations !== undefined) for (const destination in destinations) if (!BODY.has(destination)) return true;
  return false;
}

class RtfError extends Error {}

/** The reader's part of the token handling: paragraphs, the body filter, and the limits. */
function bodyText(paragraphs: string[], current: string[]): FeatureHandler<State> {
  const endParagraph = (global: State): true => {
    if (!suppressed(global)) {
      paragraphs.push(current.join(''));
      current.length = 0;
    }
    return true;
  };
  const controlHandlers: FeatureHandler<State>['controlHandlers'] = {
    line: (global) => {
      global._pushOutput('\n');
      return true;
    },
    _: (global) => {
      global._pushOutput('\u2011');
      return true;
    },
    v: (global, token) => {
      global._state.hidden = token.param !== 0;
    },
    plain: (global) => {
      global._state.hidden = false;
    },
  };
  for (const word of PARAGRAPH_ENDS) controlHandlers[word] = endParagraph;
  return {
    allTokenHandler: (global, token: Token) => {
      if (global._done && !(token.type === 3 && /^[\s\0]*$/.test(token.data.toString('latin1')))) {
        throw new RtfError('unbalanced groups: a "}" closes the document before its end');
      }
      if (token.type === 0 && global._state.groupDepth >= MAX_RTF_DEPTH) throw new RtfError(`groups nested deeper than ${MAX_RTF_DEPTH}`);
    },
    controlHandlers,
    outputDataFilter: (global) => (suppressed(global) ? true : undefined),
    preStreamFlushHandler: (global) => {
      if (global._count > 1 && global._state !== global._rootState) throw new RtfError('unbalanced groups: the file ends inside a group (cut short?)');
    },
  };
}

/** A tokenizer that refuses a `\binN` longer than the file before allocating N bytes. */
class GuardedTokenize extends Tokenize {
  constructor(private readonly total: number) {
    super();
  }
  override _handleSpecialOrPush(): void {
    const token = this._token;
    if (token?.type === 2 && token.word === 'bin' && Number.parseInt(this._paramStr || '0', 10) > this.total) throw new RtfError('a \\bin longer than the file');
    super._handleSpecialOrPush();
  }
}

function decode(bytes: Buffer, codePage: string): string {
  const name = CODE_PAGE_NAMES[codePage] ?? codePage;
  if (!iconv.encodingExists(name)) throw new RtfError(`text in code page ${codePage.slice(2)}, which leximap cannot decode`);
  return iconv.decode(bytes, name);
}

/** The body paragraphs of an RTF file. */
function rtfParagraphs(bytes: Uint8Array): string[] {
  const paragraphs: string[] = [];
  const current: string[] = [];
  const tokenize = new GuardedTokenize(bytes.length);
  const reader = new ToPlainText({ decode, warn: () => {}, allowCp0: true });
  (reader._featureHandlers as FeatureHandler<State>[]).unshift(bodyText(paragraphs, current));
  const fail = (error: unknown): void => {
    if (error !== undefined && error !== null) throw error;
  };
  tokenize.push = (token: Token): boolean => {
    reader._transform(token, undefined, fail);
    return true;
  };
  reader.push = (text: string): boolean => {
    current.push(text);
    return true;
  };
  // The tokenizer reports a bad `\'hh` only through console.warn; the parse is synchronous, so
  // nothing else can write while the warning is caught.
  const warn = console.warn;
  let badHex = false;
  console.warn = () => {
    badHex = true;
  };
  try {
    tokenize._transform(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined, fail);
    tokenize._flush(() => {});
    reader._flush(fail);
  } finally {
    console.warn = warn;
  }
  if (badHex) throw new RtfError("a \\' escape without two hexadecimal digits");
  if (current.length > 0) paragraphs.push(current.join(''));
  return paragraphs;
}

export async function readRtf(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const file = source.path;
  if (bytes.length > MAX_RTF_BYTES) throw new LeximapError('E_UNSAFE_INPUT', `this RTF file has ${bytes.length} bytes, more than the limit of ${MAX_RTF_BYTES}`, { file });
  if (!/^\s*\{\\rtf/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 64)))) {
    throw new LeximapError('E_PARSE', 'not an RTF file (it does not start with {\\rtf); open and re-save it as RTF, .docx or .odt', { file });
  }
  let paragraphs: string[];
  try {
    paragraphs = rtfParagraphs(bytes);
  } catch (cause) {
    const unsafe = cause instanceof RtfError && /deeper|longer/.test(cause.message);
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LeximapError(unsafe ? 'E_UNSAFE_INPUT' : 'E_PARSE', `not a readable RTF file (${reason}); open and re-save it in a word processor`, { file, cause });
  }
  const text = paragraphs.map((p) => `${p}\n\n`).join('');
  return [{ id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) }];
}
