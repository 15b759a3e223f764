/**
 * CSV exports made in parts — a large bundle's interviews shared among threads — giving the very
 * bytes `csvFiles(buildExportModel(…))` gives. Each part turns its interviews into CSV lines as
 * soon as they are read (nothing but text is kept). A pseudonym's length is known only once every
 * name of the export is (it grows where two names share their first ten digits): a part that
 * knows the secret writes the usual ten-digit codes, and the export is made the ordinary way in
 * the rare case where that was wrong; a part that does not leaves holes where pseudonyms go. The
 * parts are then put together: interviews grouped by form and in id order, holes filled, the data
 * dictionary added.
 */
import type { Answers, IndexedAnswers } from '../forms/answers';
import { indexAnswers } from '../forms/engine';
import type { CompiledForm } from '../forms/model';
import type { ListedInterview } from '../exchange/interview-sync';
import type { Interview, InterviewSummary } from '../records/interview';
import { err, ok, type Result } from '../shared/result';
import type { AnalysisExport } from './analysis-files';
import { csvField, dictionaryCsvFiles, type CsvOptions } from './csv';
import { codeHexFromDigests, createNameBook, isShortHex, minSecretBytes, nameDigest, nameDigests, shareTenDigits, shortCode, type HmacSha256, type NameBook, type PendingPseudonym } from './pseudonyms';
import { baseNameOf, forEachRow, questionsRead, tableShapes, uniqueColumns, type TableReaders, type TableShape } from './table-model';
import type { RowContext } from './cells';
import type { ExportError, ExportFile, ExportModel, ExportOptions, FormExport, LabelMode } from './types';

/** One table of one form in a part: its CSV lines as UTF-8, each ending in CRLF, pseudonyms left out. */
export interface CsvPartTable {
  readonly bytes: Uint8Array;
  /**
   * The rows of the form's i-th interview (in id order) are `bytes[starts[i], starts[i + 1])`,
   * or `bytes[starts[i], ends[i])` where `ends` is given.
   */
  readonly starts: readonly number[];
  /** Where each interview's rows end, when the bytes are not in id order (a part read from the back); then there are no holes. */
  readonly ends?: readonly number[];
  /** Where each pseudonym goes (byte offsets, ascending). */
  readonly holeAt: readonly number[];
  /** Whose it is: an index in the part's `names`, and its kind (one letter per pseudonym). */
  readonly holeName: readonly number[];
  readonly holeKind: string;
  /** How many lines (rows of the table). */
  readonly rows: number;
}

/** A part's interviews of one form version, in id order. */
export interface CsvPartForm {
  readonly formKey: string;
  readonly ids: readonly string[];
  /** One per table of the form; null when the form is missing. */
  readonly tables: readonly CsvPartTable[] | null;
}

/** One part's interviews as CSV bytes, and the names they hold (folded keys). Plain data: it crosses threads, its buffers handed over. */
export interface CsvPart {
  readonly forms: readonly CsvPartForm[];
  readonly names: readonly string[];
  /** The keyed hash of each name (hex), when the part was made knowing the secret. */
  readonly digests: readonly string[] | null;
  /** How it was made: parts are put together only with the privacy and labels they were made for. */
  readonly made: Pick<CsvPartOptions, 'labels' | 'pseudonymised'> & {
    /** With digests: the keyed hash of the empty name, which tells the secret and hash they were made with. */
    readonly keyedAs?: string;
    /** With digests: the part wrote ten-digit codes rather than holes. */
    readonly codesWritten?: boolean;
  };
}

export interface CsvPartOptions {
  readonly labels: LabelMode;
  readonly pseudonymised: boolean;
  /** Today's date (`YYYY-MM-DD`), for form logic that calls `today()`. */
  readonly today: string;
  /**
   * The pseudonym secret, when it is known before reading: each part then hashes its own names
   * (the parts share that work instead of leaving it all to the end) and writes their codes.
   */
  readonly secret?: Uint8Array;
}

export interface CsvPartMaker {
  /** An interview, or one read with its answers listed (the faster way: see ListedInterview). */
  add(interview: Interview | ListedInterview): void;
  finish(): CsvPart;
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const shapesOf = (form: CompiledForm, labels: LabelMode, book: NameBook | null): TableShape[] => tableShapes({ form, labels, book });

/** A cell as written in a part: its CSV field, or the name whose pseudonym goes there. */
type CsvCell = string | PendingPseudonym;

/** How each column gives its CSV field: the column's own way, or its cell made a field. */
const fieldReaders = (form: CompiledForm, shapes: readonly TableShape[]): TableReaders<CsvCell>[] =>
  shapes.map(({ name, kind, specs }) => ({
    name,
    kind,
    readers: specs.map((spec): ((row: RowContext) => CsvCell) => {
      if (spec.csv) return spec.csv;
      const { read } = spec;
      return (row) => {
        const cell = read(row);
        return typeof cell === 'object' && cell !== null ? cell : csvField(cell);
      };
    }),
    questions: questionsRead(form, specs),
  }));

/** Grows as UTF-8 is written into it. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;
  private readonly encoder = new TextEncoder();

  write(text: string): void {
    const most = text.length * 3;
    if (this.length + most > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + most));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** What was written, not copied: valid until the next write. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * One table of one form in a part, written as its interviews come: each row's CSV line goes
 * straight into bytes (a part keeps no strings), a pseudonym's place noted as a hole.
 */
class TableWriter {
  private readonly out = new ByteWriter();
  private readonly starts: number[] = [];
  /** Where each interview's holes start in the hole lists. */
  private readonly firstHole: number[] = [];
  private readonly holeAt: number[] = [];
  private readonly holeName: number[] = [];
  private holeKind = '';
  private rows = 0;
  /** The fields of the line being written since its last hole. */
  private readonly fields: string[] = [];

  /** `codeOf`: the code to write for a name; null to leave a hole. */
  constructor(
    private readonly readers: readonly ((row: RowContext) => CsvCell)[],
    private readonly codeOf: ((name: PendingPseudonym) => string) | null,
  ) {}

  /** Where the next interview's rows start. */
  start(): void {
    this.starts.push(this.out.length);
    this.firstHole.push(this.holeAt.length);
  }

  /** One row, its fields gathered and joined once: a line built by `+=` is a rope that encoding must flatten. */
  line(row: RowContext): void {
    const { fields, out } = this;
    fields.length = 0;
    for (const read of this.readers) {
      const cell = read(row);
      if (typeof cell === 'object') {
        if (this.codeOf) {
          fields.push(this.codeOf(cell));
          continue;
        }
        if (fields.length > 0) out.write(`${fields.join(',')},`);
        this.holeAt.push(out.length);
        this.holeName.push(cell.index);
        this.holeKind += cell.kind;
        // After a hole, the join puts the comma after the code.
        fields.length = 0;
        fields.push('');
      } else fields.push(cell);
    }
    out.write(fields.join(','));
    out.write('\r\n');
    this.rows++;
  }

  /**
   * The table's bytes with the interviews in `order` (indexes in the order they were added). The
   * bytes are not copied (the buffer they are in is handed over whole) unless holes must be put
   * in order with them: interviews out of order are then found by where each one ends.
   */
  finish(order: readonly number[] | null): CsvPartTable {
    const all = this.out.view();
    if (!order) return { bytes: all, starts: [...this.starts, all.length], holeAt: this.holeAt, holeName: this.holeName, holeKind: this.holeKind, rows: this.rows };
    const ends = [...this.starts.slice(1), all.length];
    if (this.holeAt.length === 0) {
      return { bytes: all, starts: order.map((i) => this.starts[i] ?? 0), ends: order.map((i) => ends[i] ?? 0), holeAt: [], holeName: [], holeKind: '', rows: this.rows };
    }
    const bytes = new Uint8Array(all.length);
    const starts: number[] = [];
    const holeAt: number[] = [];
    const holeName: number[] = [];
    let holeKind = '';
    let at = 0;
    for (const i of order) {
      const from = this.starts[i] ?? 0;
      const to = ends[i] ?? 0;
      starts.push(at);
      bytes.set(all.subarray(from, to), at);
      const lastHole = this.firstHole[i + 1] ?? this.holeAt.length;
      for (let h = this.firstHole[i] ?? 0; h < lastHole; h++) {
        holeAt.push((this.holeAt[h] ?? 0) - from + at);
        holeName.push(this.holeName[h] ?? -1);
        holeKind += this.holeKind[h] ?? '';
      }
      at += to - from;
    }
    starts.push(at);
    return { bytes, starts, holeAt, holeName, holeKind, rows: this.rows };
  }
}

interface FormDraft {
  readonly ids: string[];
  /** Null when the form is missing. */
  readonly tables: TableWriter[] | null;
  /** Interviews came in id order (as a bundle lists them). */
  sorted: boolean;
}

/** `keyedHash` hashes names with `options.secret`; it must be the one the export will use (Node's, in the CLI). */
export function createCsvPartMaker(forms: ReadonlyMap<string, CompiledForm>, options: CsvPartOptions, keyedHash?: HmacSha256): CsvPartMaker {
  const book = options.pseudonymised ? createNameBook() : null;
  const { secret } = options;
  /** Each name's digest, by its index in the book, once met. */
  const digests: string[] = [];
  // A weak secret writes no code: the export refuses it.
  const codeSecret = book !== null && secret !== undefined && secret.length >= minSecretBytes ? secret : null;
  /** Each name's code, by kind and by its index in the book, once written. */
  const codes: Record<PendingPseudonym['kind'], string[]> = { R: [], F: [], P: [] };
  const codeOf = codeSecret
    ? (name: PendingPseudonym) => (codes[name.kind][name.index] ??= shortCode(name.kind, (digests[name.index] ??= nameDigest(name.key, codeSecret, keyedHash))))
    : null;
  const readers = new Map<string, TableReaders<CsvCell>[] | null>();
  const drafts = new Map<string, FormDraft>();
  return {
    add(read) {
      const interview: InterviewSummary = 'listed' in read ? read.interview : read;
      const formKey = `${interview.formId}@${interview.formVersion}`;
      const form = forms.get(formKey);
      let tables = readers.get(formKey);
      if (tables === undefined) {
        tables = form ? fieldReaders(form, shapesOf(form, options.labels, book)) : null;
        readers.set(formKey, tables);
      }
      let draft = drafts.get(formKey);
      if (!draft) drafts.set(formKey, (draft = { ids: [], tables: tables ? tables.map((table) => new TableWriter(table.readers, codeOf)) : null, sorted: true }));
      const last = draft.ids[draft.ids.length - 1];
      if (last !== undefined && !(last < interview.id)) draft.sorted = false;
      draft.ids.push(interview.id);
      const writers = draft.tables;
      if (!tables || !form || !writers) return;
      for (const writer of writers) writer.start();
      const answers: Answers | IndexedAnswers = 'listed' in read ? indexAnswers(form, read.names, read.values, read.groups) : read.answers;
      forEachRow(form, tables, interview, answers, options.today, (t, row) => {
        writers[t]?.line(row);
      });
    },
    finish() {
      const parts: CsvPartForm[] = [];
      for (const [formKey, draft] of drafts) {
        const order = draft.sorted ? null : draft.ids.map((id, i) => ({ id, i })).sort(byId).map(({ i }) => i);
        parts.push({
          formKey,
          ids: order ? order.map((i) => draft.ids[i] ?? '') : draft.ids,
          tables: draft.tables ? draft.tables.map((table) => table.finish(order)) : null,
        });
      }
      const names = book?.keys() ?? [];
      const hashed = options.pseudonymised && secret ? names.map((key, index) => digests[index] ?? nameDigest(key, secret, keyedHash)) : null;
      const made = {
        labels: options.labels,
        pseudonymised: options.pseudonymised,
        ...(hashed && secret ? { keyedAs: keyedAs(secret, keyedHash), ...(codeOf ? { codesWritten: true } : {}) } : {}),
      };
      return { forms: parts, names, digests: hashed, made };
    },
  };
}

/** What an export in parts gives: the same as an export made whole (its tables, then the dictionaries). */
export type CsvExport = AnalysisExport;

const utf8 = new TextEncoder();

/** One interview's rows: where they are in which part, and the hex part of the codes of that part's names (as bytes, by name index). */
interface Placed {
  readonly id: string;
  readonly part: CsvPartForm;
  readonly index: number;
  readonly hex: readonly string[];
}

/** A pseudonym as written: its kind's letter, a hyphen, its hex part (plain ASCII). */
const codeLength = (hex: readonly string[], name: number) => 2 + (hex[name] ?? '').length;

/** A table's file: header, then every interview's rows in id order, pseudonyms written in. */
function tableFile(header: string, placed: readonly Placed[], table: number, bom: boolean): Uint8Array {
  const head = utf8.encode(`${bom ? '\ufeff' : ''}${header}\r\n`);
  let size = head.length;
  for (const { part, hex } of new Map(placed.map((p) => [p.part, p])).values()) {
    const t = part.tables?.[table];
    if (!t) continue;
    size += t.bytes.length;
    for (let h = 0; h < t.holeAt.length; h++) size += codeLength(hex, t.holeName[h] ?? -1);
  }
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length;
  const holeIndex = new Map<CsvPartForm, number>();
  for (let p = 0; p < placed.length; p++) {
    const { part, index, hex } = placed[p] as Placed;
    const t = part.tables?.[table];
    if (!t) continue;
    // Interviews that follow one another in a part, in id order and in its bytes (nearly all of them), are copied at once.
    const { starts, ends } = t;
    let last = index;
    while (placed[p + 1]?.part === part && placed[p + 1]?.index === last + 1 && (!ends || ends[last] === starts[last + 1])) {
      p++;
      last++;
    }
    const end = (ends ? ends[last] : starts[last + 1]) ?? 0;
    let from = starts[index] ?? 0;
    let h = holeIndex.get(part) ?? 0;
    while (h < t.holeAt.length && (t.holeAt[h] ?? 0) < from) h++;
    for (; h < t.holeAt.length && (t.holeAt[h] ?? 0) < end; h++) {
      const hole = t.holeAt[h] ?? 0;
      out.set(t.bytes.subarray(from, hole), at);
      at += hole - from;
      const code = hex[t.holeName[h] ?? -1] ?? '';
      out[at] = t.holeKind.charCodeAt(h);
      out[at + 1] = 0x2d;
      for (let c = 0; c < code.length; c++) out[at + 2 + c] = code.charCodeAt(c);
      at += 2 + code.length;
      from = hole;
    }
    holeIndex.set(part, h);
    out.set(t.bytes.subarray(from, end), at);
    at += end - from;
  }
  return out.subarray(0, at);
}

const keyedAs = (secret: Uint8Array, keyedHash: HmacSha256 | undefined): string => nameDigests([''], secret, keyedHash).get('') ?? '';

/** Every name's digest: as the parts made them with this secret and hash, or made here. */
function digestsOf(parts: readonly CsvPart[], secret: Uint8Array, keyedHash: HmacSha256 | undefined): Map<string, string> {
  const digests = new Map<string, string>();
  const ours = keyedAs(secret, keyedHash);
  for (const part of parts) {
    const made = part.digests !== null && part.digests.length === part.names.length && part.made.keyedAs === ours ? part.digests : null;
    if (!made) {
      for (const [key, digest] of nameDigests(part.names.filter((name) => !digests.has(name)), secret, keyedHash)) digests.set(key, digest);
      continue;
    }
    part.names.forEach((name, i) => {
      if (!digests.has(name)) digests.set(name, made[i] ?? '');
    });
  }
  return digests;
}

/**
 * The codes parts wrote are those of the export: written with its secret and hash, and no name
 * of theirs shares its first ten digits with another name of the export.
 */
function writtenCodesHold(parts: readonly CsvPart[], ours: string, hexOf: ((key: string) => string) | null): boolean {
  return parts.every((part) => part.made.codesWritten !== true || (hexOf !== null && part.made.keyedAs === ours && part.names.every((name) => isShortHex(hexOf(name)))));
}

/** Every part wrote its codes with the export's secret and hash (`ours`): they hold unless two names share ten digits. */
function allCodesWritten(parts: readonly CsvPart[], ours: string | null): boolean {
  return ours !== null && parts.length > 0 && parts.every((part) => part.made.codesWritten === true && part.made.keyedAs === ours && part.digests?.length === part.names.length);
}

/**
 * The files of the export whose interviews the parts hold (each interview in one part only); null
 * when codes the parts wrote are not the export's (two names share ten digits, about once in
 * 20,000 exports of 10,000 names, or the parts had another secret): the caller then exports the
 * ordinary way.
 */
export function csvExportFromParts(
  forms: ReadonlyMap<string, CompiledForm>,
  parts: readonly CsvPart[],
  options: ExportOptions & CsvOptions,
): Result<CsvExport, ExportError> | null {
  const { privacy } = options;
  if (privacy.mode === 'pseudonymised' && privacy.secret.length < minSecretBytes) return err({ code: 'weak-secret', minBytes: minSecretBytes });
  // A part made identified would write names in clear under a pseudonymised dictionary: a caller's bug.
  if (parts.some((part) => part.made.pseudonymised !== (privacy.mode === 'pseudonymised') || part.made.labels !== options.labels)) {
    throw new Error('CSV parts made with other privacy or labels than the export');
  }
  const ours = privacy.mode === 'pseudonymised' ? keyedAs(privacy.secret, privacy.hmac) : null;
  /** The hex part of each name's code, where parts left holes for them. */
  let hexOf: ((key: string) => string) | null = null;
  if (allCodesWritten(parts, ours)) {
    // The usual case in the CLI: only a check that no two names share ten digits.
    if (shareTenDigits(parts.flatMap((part) => part.digests ?? []))) return null;
  } else {
    hexOf = privacy.mode === 'pseudonymised' ? codeHexFromDigests(digestsOf(parts, privacy.secret, privacy.hmac)) : null;
    if (!writtenCodesHold(parts, ours ?? '', hexOf)) return null;
  }

  const groups = new Map<string, Placed[]>();
  for (const part of parts) {
    const hex = hexOf && part.made.codesWritten !== true ? part.names.map(hexOf) : [];
    for (const form of part.forms) {
      let group = groups.get(form.formKey);
      if (!group) groups.set(form.formKey, (group = []));
      form.ids.forEach((id, index) => group.push({ id, part: form, index, hex }));
    }
  }
  const keys = [...groups.keys()].sort();
  const missingForms = keys.filter((key) => !forms.has(key)).map((formKey) => ({ formKey, interviewIds: (groups.get(formKey) ?? []).map((i) => i.id).sort() }));

  const book = privacy.mode === 'pseudonymised' ? createNameBook() : null;
  const bom = options.bom === true;
  const tableFiles: ExportFile[] = [];
  const exports: FormExport[] = [];
  let exported = 0;
  for (const key of keys) {
    const form = forms.get(key);
    if (!form) continue;
    // Each part's interviews come in id order; sorting keeps that order within each part.
    const placed = (groups.get(key) ?? []).sort(byId);
    const shapes = shapesOf(form, options.labels, book);
    const tables = shapes.map((shape) => ({ name: shape.name, kind: shape.kind, label: shape.label, columns: uniqueColumns(shape.specs), rows: [] }));
    tables.forEach((table, t) => {
      let rows = 0;
      for (const part of new Set(placed.map((p) => p.part))) rows += part.tables?.[t]?.rows ?? 0;
      if (t === 0) exported += rows;
      const header = table.columns.map((c) => csvField(c.name)).join(',');
      tableFiles.push({ fileName: `${baseNameOf(form)}__${table.name}.csv`, bytes: tableFile(header, placed, t, bom), rows });
    });
    exports.push({ formKey: form.key, formId: form.definition.id, formVersion: form.definition.version, title: form.definition.title, baseName: baseNameOf(form), tables });
  }
  const model: ExportModel = { forms: exports, missingForms, labels: options.labels, identified: privacy.mode === 'identified' };
  return ok({ files: [...tableFiles, ...dictionaryCsvFiles(model, options)], missingForms, formCount: exports.length, exported });
}
