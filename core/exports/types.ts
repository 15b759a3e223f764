/**
 * The analysis export as data: for each form version, a main table (one row per interview) and
 * one table per repeat group, each column described well enough to write the data dictionary.
 * Writers (CSV, XLSX) turn this model into files; nothing here knows about files or disks.
 */
import type { Text } from '../forms/schema';
import type { HmacSha256 } from './pseudonyms';

/** How choice answers are written: their codes (the default), or their labels in one language. */
export type LabelMode = 'codes' | 'fr' | 'en';
export const labelModes = ['codes', 'fr', 'en'] as const satisfies readonly LabelMode[];

/** A cell: text, a number, or nothing (unanswered, hidden, or not asked). */
export type Cell = string | number | null;

/**
 * Who may be named in the files. Pseudonymised (the default) replaces the names of people and
 * firms by stable codes derived from a per-project secret and leaves out confidential questions;
 * identified keeps everything, and the caller records that it was made.
 */
export type Privacy =
  | { readonly mode: 'pseudonymised'; readonly secret: Uint8Array; readonly hmac?: HmacSha256 }
  | { readonly mode: 'identified' };

export interface ExportOptions {
  readonly labels: LabelMode;
  readonly privacy: Privacy;
  /** Today's date (`YYYY-MM-DD`), for form logic that calls `today()`. */
  readonly today: string;
}

/** What a column says about identification, shown in the dictionary's notes. */
export type ColumnNote =
  /** A name replaced by a pseudonym (R- person, F- firm, P- partner). */
  | 'pseudonymised'
  /** A name in clear (identified exports only). */
  | 'identifying'
  /** Free text that may name people or firms: read it before sharing. */
  | 'possibly-identifying'
  /** Marked confidential in the form (identified exports only; left out otherwise). */
  | 'confidential';

/** What a column holds, for the dictionary. */
export type ColumnType =
  | 'id' | 'text' | 'long-text' | 'language' | 'translation' | 'integer' | 'decimal' | 'date'
  | 'single-choice' | 'multiple-choice' | 'indicator' | 'rank' | 'likert5' | 'calculate' | 'status';

/** A choice as the dictionary lists it. */
export interface CodeLabel {
  readonly code: string;
  readonly label: Text;
}

export interface ExportColumn {
  /** The header: a question name, or a name derived from it (`name__choice`, `name__1`). */
  readonly name: string;
  readonly label: Text;
  readonly type: ColumnType;
  /** The question it comes from, when it comes from one. */
  readonly question?: string;
  readonly codes?: readonly CodeLabel[];
  readonly notes: readonly ColumnNote[];
}

export interface ExportTable {
  /** `main`, or the name of a repeat group. */
  readonly name: string;
  readonly kind: 'main' | 'repeat';
  readonly label: Text;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface FormExport {
  /** `id@version`. */
  readonly formKey: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly title: Text;
  /** Prefix of this form's file names: `spl-cooperation-v1`. */
  readonly baseName: string;
  readonly tables: readonly ExportTable[];
}

export interface ExportModel {
  readonly forms: readonly FormExport[];
  /** Interviews left out because their form version was not available, by form key. */
  readonly missingForms: readonly { readonly formKey: string; readonly interviewIds: readonly string[] }[];
  readonly labels: LabelMode;
  readonly identified: boolean;
}

/** A file for the caller to write. */
export interface ExportFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** For a CSV table: how many data rows it holds (the header not counted). */
  readonly rows?: number;
}

/** A code of the qualitative codebook (hierarchical; ids are stable so that codings merge). */
export interface CodebookEntry {
  readonly id: string;
  readonly parent: string | null;
  readonly name: Text;
  readonly definition: Text;
}

export type ExportError = { readonly code: 'weak-secret'; readonly minBytes: number };
