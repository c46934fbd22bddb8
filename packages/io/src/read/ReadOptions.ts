/** How `readDocuments` reads tables (CSV, XLSX). */
export interface ReadOptions {
  /**
   * CSV/XLSX: the column holding the text of each row (matched exactly, then ignoring case).
   * @default the column named `text`, else the column with the most text
   */
  textColumn?: string;
  /** XLSX: the worksheet to read. @default the first worksheet */
  sheet?: string;
}
