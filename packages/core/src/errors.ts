/**
 * One table of error codes for the whole project. Messages quote the bad value and say what
 * to do; the CLI prints `message` on one line and never a stack trace.
 */
export const ERROR_CODES = {
  E_USAGE: 'bad command-line usage',
  E_OPTION: 'an option has a bad value',
  E_NOT_FOUND: 'a path does not exist',
  E_EMPTY_CORPUS: 'no text to analyse',
  E_TOO_SMALL: 'the corpus is too small to learn concepts from',
  E_BINARY: 'a file is binary, not text',
  E_ENCODING: 'a file is not valid UTF-8',
  E_UNSUPPORTED: 'a file type is not supported',
  E_PARSE: 'a file could not be parsed',
  E_BAD_RESULT: 'a result.json does not match the result schema',
  E_BAD_QDPX: 'a REFI-QDA project or codebook is broken',
  E_BAD_CODES: 'a manual coding file is broken',
  E_UNSAFE_INPUT: 'an input looks malicious (zip bomb, XML entities)',
  E_WORKER: 'a worker failed',
  E_WRITE: 'output could not be written',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class LeximapError extends Error {
  override readonly name = 'LeximapError';
  readonly code: ErrorCode;
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { file?: string; cause?: unknown }) {
    super(options?.file ? `${options.file}: ${message}` : message, { cause: options?.cause });
    this.code = code;
    this.file = options?.file;
  }
}

export function isLeximapError(error: unknown): error is LeximapError {
  return error instanceof LeximapError;
}
