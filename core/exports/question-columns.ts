/**
 * The columns of one question, as ODK and Kobo export them: one per answer (matrix items on their
 * own), a multiple choice as its codes plus one 0/1 column per choice (`name__choice`), a ranking
 * as one column per rank (`name__1`…), a narrative answer as its text, language and translation.
 * Notes, matrices (their items have columns) and repeat groups (their own table) have none.
 */
import { questionIndex } from '../forms/engine';
import { isEmpty } from '../forms/expressions/values';
import type { CompiledForm, FormNode } from '../forms/model';
import type { Text } from '../forms/schema';
import { asList, codeCell, codesCell, likertCell, longTextParts, numberCell, rawAnswer, textCell, visibleValueAt, type RawCell, type RowContext } from './cells';
import type { NameBook, PseudonymKind } from './pseudonyms';
import { csvField } from './csv';
import type { Cell, CodeLabel, ColumnNote, ColumnType, ExportColumn, LabelMode } from './types';
import { answerLanguageCodeLabels, indicatorCodeLabels, likertCodeLabels } from './vocabulary';

export interface ColumnSpec {
  readonly column: ExportColumn;
  readonly read: (row: RowContext) => RawCell;
  /**
   * The cell as a CSV field — what `csvField(read(row))` gives — where the column has a faster
   * way to it (codes and their labels are written once per column, not once per row).
   */
  readonly csv?: (row: RowContext) => string;
}

/** A code's CSV field in a column, made once per code of the column's list (other codes each time). */
export function codeFields(codes: readonly CodeLabel[], cellOf: (code: string) => Cell): (code: string) => string {
  const fields = new Map<string, string>([['', csvField(cellOf(''))]]);
  for (const { code } of codes) fields.set(code, csvField(cellOf(code)));
  return (code) => fields.get(code) ?? csvField(cellOf(code));
}

export interface ColumnContext {
  readonly form: CompiledForm;
  readonly labels: LabelMode;
  /** Null in an identified export. */
  readonly book: NameBook | null;
}

const joined = (a: Text, fr: string, en: string): Text => ({ fr: `${a.fr} — ${fr}`, en: `${a.en} — ${en}` });
const withSuffix = (a: Text, b: Text): Text => joined(a, b.fr, b.en);

/**
 * Which one-line texts name a person or a firm, whatever the form: the question the form's summary
 * maps to the firm's name; names ending in `firm_name` (F), `respondent_name` or `person_name` (R),
 * `partner_name` or any other `_name` (P). The network, the interviewer, the commune and the
 * territory that the summary maps are kept: analyses group by them.
 */
export function pseudonymKindOf(form: CompiledForm, node: FormNode): PseudonymKind | null {
  if (node.kind !== 'text') return null;
  const summary = form.definition.summary ?? {};
  if (summary.firmName === node.name) return 'F';
  if (Object.values(summary).includes(node.name)) return null;
  if (node.name.endsWith('firm_name')) return 'F';
  if (node.name.endsWith('respondent_name') || node.name.endsWith('person_name')) return 'R';
  if (node.name.endsWith('_name')) return 'P';
  return null;
}

/**
 * A registry number that names a firm by itself (a SIREN: a question named `…siren` or checked
 * with `siren()`): a code would not hide it, so pseudonymised exports leave it out.
 */
export function isFirmIdentifier(node: FormNode): boolean {
  return node.kind === 'text' && (node.name.toLowerCase().endsWith('siren') || (node.question.constraint ?? '').includes('siren('));
}

/** True when the question may not leave the team in a pseudonymised export. */
export function isConfidential(form: CompiledForm, node: FormNode): boolean {
  if (node.question.confidential === true) return true;
  const repeat = node.repeat === undefined ? undefined : form.nodes.get(node.repeat);
  return repeat?.question.confidential === true;
}

function labelOfNode(form: CompiledForm, node: FormNode): Text {
  if (node.parent === undefined) return node.label;
  const parent = form.nodes.get(node.parent);
  return parent ? withSuffix(parent.label, node.label) : node.label;
}

const choiceCodes = (node: FormNode): readonly CodeLabel[] => (node.choices ?? []).map((c) => ({ code: c.value, label: c.label }));

export function questionColumns(ctx: ColumnContext, node: FormNode): ColumnSpec[] {
  const { form, labels, book } = ctx;
  const confidential = isConfidential(form, node);
  const identifier = isFirmIdentifier(node);
  if ((confidential || identifier) && book !== null) return [];
  const label = labelOfNode(form, node);
  const base = (name: string, type: ColumnType, notes: readonly ColumnNote[], extra: Partial<Pick<ExportColumn, 'codes' | 'label'>> = {}): ExportColumn => ({
    name, label, type, question: node.name, ...extra, notes: confidential ? [...notes, 'confidential'] : notes,
  });
  const index = questionIndex(form, node.name) ?? -1;
  const value = (row: RowContext) => visibleValueAt(row, index);
  const name = node.name;

  switch (node.kind) {
    case 'text':
    case 'other-text': {
      const kind = node.kind === 'text' ? pseudonymKindOf(form, node) : null;
      if (kind === null) {
        const mapped = Object.values(form.definition.summary ?? {}).includes(name);
        const notes: ColumnNote[] = identifier ? ['identifying'] : mapped ? [] : ['possibly-identifying'];
        const read = (row: RowContext) => textCell(String(value(row) ?? ''));
        return [{ column: base(name, 'text', notes), read, csv: (row) => csvField(read(row)) }];
      }
      return [{
        column: base(name, 'text', [book ? 'pseudonymised' : 'identifying']),
        read: (row) => {
          const text = String(value(row) ?? '');
          return book ? book.request(kind, text) : textCell(text);
        },
      }];
    }
    case 'long-text': {
      const languageField = codeFields(answerLanguageCodeLabels, (code) => codeCell(code, answerLanguageCodeLabels, labels));
      // Its three columns read the same parts: they are worked out once per row.
      let lastRow: RowContext | undefined;
      let lastParts: ReturnType<typeof longTextParts>;
      const long = (row: RowContext) => {
        if (row !== lastRow) {
          lastParts = value(row) !== undefined ? longTextParts(rawAnswer(row, name, index)) : undefined;
          lastRow = row;
        }
        return lastParts;
      };
      const readText = (row: RowContext) => textCell(long(row)?.text ?? '');
      const specs: ColumnSpec[] = [
        { column: base(name, 'long-text', ['possibly-identifying']), read: readText, csv: (row) => csvField(readText(row)) },
        {
          column: base(`${name}__lang`, 'language', [], { label: joined(label, 'langue de la réponse', 'language of the answer'), codes: answerLanguageCodeLabels }),
          read: (row) => codeCell(long(row)?.lang ?? '', answerLanguageCodeLabels, labels),
          csv: (row) => languageField(long(row)?.lang ?? ''),
        },
      ];
      if (node.question.type === 'long-text' && node.question.translatable !== false) {
        const readTranslation = (row: RowContext) => textCell(long(row)?.translation ?? '');
        specs.push({
          column: base(`${name}__translation`, 'translation', ['possibly-identifying'], { label: joined(label, 'traduction du chercheur', 'researcher’s translation') }),
          read: readTranslation,
          csv: (row) => csvField(readTranslation(row)),
        });
      }
      return specs;
    }
    case 'integer':
    case 'decimal':
    case 'calculate': {
      const read = (row: RowContext) => numberCell(value(row) ?? '');
      return [{ column: base(name, node.kind, []), read, csv: (row) => csvField(read(row)) }];
    }
    case 'date': {
      const read = (row: RowContext) => textCell(String(value(row) ?? ''));
      return [{ column: base(name, 'date', []), read, csv: (row) => csvField(read(row)) }];
    }
    case 'likert5':
    case 'matrix-item': {
      const field = codeFields(likertCodeLabels, (code) => likertCell(code, likertCodeLabels, labels));
      return [{
        column: base(name, 'likert5', [], { codes: likertCodeLabels }),
        read: (row) => likertCell(value(row) ?? '', likertCodeLabels, labels),
        csv: (row) => {
          const answer = value(row);
          return typeof answer === 'string' ? field(answer) : '';
        },
      }];
    }
    case 'single-choice': {
      const codes = choiceCodes(node);
      const field = codeFields(codes, (code) => codeCell(code, codes, labels));
      return [{ column: base(name, 'single-choice', [], { codes }), read: (row) => codeCell(String(value(row) ?? ''), codes, labels), csv: (row) => field(String(value(row) ?? '')) }];
    }
    case 'multiple-choice': {
      const codes = choiceCodes(node);
      // Its columns (the codes, then one per choice) read the same list: it is worked out once per row.
      let lastRow: RowContext | undefined;
      let lastList: readonly string[] | null = null;
      const chosen = (row: RowContext) => {
        if (row !== lastRow) {
          const answer = value(row);
          lastList = answer !== undefined && !isEmpty(answer) ? asList(answer) : null;
          lastRow = row;
        }
        return lastList;
      };
      return [
        { column: base(name, 'multiple-choice', [], { codes }), read: (row) => codesCell(chosen(row) ?? [], codes, labels) },
        ...codes.map((choice): ColumnSpec => ({
          column: base(`${name}__${choice.code}`, 'indicator', [], { label: withSuffix(label, choice.label), codes: indicatorCodeLabels }),
          read: (row) => {
            const list = chosen(row);
            return list === null ? null : list.includes(choice.code) ? 1 : 0;
          },
          csv: (row) => {
            const list = chosen(row);
            return list === null ? '' : list.includes(choice.code) ? '1' : '0';
          },
        })),
      ];
    }
    case 'ranking': {
      const codes = choiceCodes(node);
      const rank = node.question.type === 'ranking' ? node.question.rank : 0;
      const field = codeFields(codes, (code) => codeCell(code, codes, labels));
      return Array.from({ length: rank }, (_, i): ColumnSpec => ({
        column: base(`${name}__${i + 1}`, 'rank', [], { label: joined(label, `rang ${i + 1}`, `rank ${i + 1}`), codes }),
        read: (row) => codeCell(asList(value(row) ?? '')[i] ?? '', codes, labels),
        csv: (row) => field(asList(value(row) ?? '')[i] ?? ''),
      }));
    }
    case 'note':
    case 'matrix':
    case 'repeat':
      return [];
  }
}
