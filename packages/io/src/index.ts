export { listSources, compareCodeUnits } from './read/listSources.ts';
export type { ListSourcesOptions } from './read/listSources.ts';
export type { SourceFile } from './read/SourceFile.ts';
export type { ReadOptions } from './read/ReadOptions.ts';
export type { Reader, ReaderNote } from './read/Reader.ts';
export { READERS } from './read/readers.ts';
export { readDocuments, readDocumentTexts } from './read/readDocuments.ts';
export { readCorpus, readCorpusDetailed } from './read/readCorpus.ts';
export type { CorpusDetails, ReadCorpusOptions, SkippedFile } from './read/readCorpus.ts';
export { decodeText, decodeTextDetailed, findInvalidUtf8 } from './read/decodeText.ts';
export type { DecodedText } from './read/decodeText.ts';
export { parseParagraphs, NOT_SPEAKERS } from './read/parseParagraphs.ts';
export type { ParagraphOptions } from './read/parseParagraphs.ts';
export { readTextFile } from './read/readTextFile.ts';
export { readDocx } from './read/readDocx.ts';
export { readCsv } from './read/readCsv.ts';
export { readXlsx } from './read/readXlsx.ts';
export { tableDocuments, MAX_TAG_VALUE } from './read/tableDocuments.ts';
export type { Table } from './read/tableDocuments.ts';
export { readResult } from './read/readResult.ts';
export { parseStopwords, readStopwords } from './config/readStopwords.ts';
export type { StopwordEdits } from './config/readStopwords.ts';
export { parseMerges, readMerges } from './config/readMerges.ts';
export { parseSeeds, readSeeds } from './config/readSeeds.ts';
export { serializeResult } from './write/serializeResult.ts';
export { roundNumber, SIGNIFICANT_DIGITS } from './write/roundNumber.ts';
export { toCsv, csvCell } from './write/toCsv.ts';
export type { CsvCell, CsvOptions } from './write/toCsv.ts';
export { resultToConceptsCsv, CSV_THESAURUS_TERMS } from './write/resultToConceptsCsv.ts';
export { resultToThemesCsv } from './write/resultToThemesCsv.ts';
export { writeOutputs } from './write/writeOutputs.ts';
export { resultGraph } from './write/resultGraph.ts';
export type { ResultGraph } from './write/resultGraph.ts';
export { resultToMarkersCsv } from './write/resultToMarkersCsv.ts';
export { resultToCooccurrenceCsv } from './write/resultToCooccurrenceCsv.ts';
export { resultToConceptMatrices } from './write/resultToConceptMatrices.ts';
export { resultToDocumentMatrix } from './write/resultToDocumentMatrix.ts';
export { resultToTagMatrix } from './write/resultToTagMatrix.ts';
export { resultToGraphml } from './write/resultToGraphml.ts';
export { resultToGexf } from './write/resultToGexf.ts';
export { resultToVosviewer } from './write/resultToVosviewer.ts';
export type { VosviewerFiles } from './write/resultToVosviewer.ts';
export { EXPORT_FORMATS, exportFiles } from './write/exportFiles.ts';
export type { ExportFormat } from './write/exportFiles.ts';
export { readQdpx } from './qda/readQdpx.ts';
export type { QdpxReadOptions } from './qda/readQdpx.ts';
export { readQdc } from './qda/readQdc.ts';
export { readSegmentTable, splitCodePath } from './qda/readSegmentTable.ts';
export type { SegmentRow, SegmentTable } from './qda/readSegmentTable.ts';
export { anchorSegments, documentKey } from './qda/anchorSegments.ts';
export type { AnchorOptions } from './qda/anchorSegments.ts';
export { readManualCoding, MANUAL_CODING_EXTENSIONS } from './qda/readManualCoding.ts';
export type { ManualCodingOptions } from './qda/readManualCoding.ts';
export { writeQdpx } from './qda/writeQdpx.ts';
export type { QdpxExport } from './qda/writeQdpx.ts';
export { mergeQdpx } from './qda/mergeQdpx.ts';
export { qdaGuid } from './qda/qdaGuid.ts';
export { checkZip, openZip, ZIP_LIMITS } from './read/openZip.ts';
export type { OpenZipOptions, SafeZip, ZipEntry, ZipLimits } from './read/openZip.ts';
export type {
  ManualCode,
  ManualCoding,
  ManualCodingFormat,
  ManualSegment,
  OffsetMode,
  OffsetReport,
  QdaCase,
  QdaSet,
  QdaUser,
  UnresolvedSegment,
} from './qda/manualCoding.ts';
export { readQdpxDocuments } from './qda/readQdpxDocuments.ts';
