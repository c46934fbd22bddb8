/** A file found by `listSources`, ready to be read into documents. */
export interface SourceFile {
  /** The path to read, built from the path as given (relative stays relative). */
  path: string;
  /** Path below the given folder (or the file name, for a given file), with `/` separators. */
  relativePath: string;
  /**
   * Stable identifier, unique among the listed sources: the path below the common folder of
   * every given path, with `/` separators (the same as `relativePath` when one path is given).
   */
  id: string;
  /** File name without its extension. */
  name: string;
  /** `folder:<name>` for each folder below the given folder, then `file:<name>`. */
  tags: string[];
}
