/**
 * Analysis exports (see docs/exports.md): the table model and the CSV and dictionary writers.
 * The XLSX writer is `./xlsx`, imported on its own so that exceljs loads only when needed.
 */
export { buildExportModel, baseNameOf } from './table-model';
export { csvBytes, csvField, csvFiles, dictionaryCsvFiles, type CsvOptions } from './csv';
export { codebookGrid, dictionaryGrid, tableGrid, type Grid } from './dictionary';
export { createPseudonymBook, minSecretBytes, normaliseName, type PseudonymKind } from './pseudonyms';
export { pseudonymKindOf } from './question-columns';
export * from './types';
