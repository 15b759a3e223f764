/**
 * The data dictionary: one row per exported column, saying which table it is in, what question it
 * asks (in French and English), what kind of value it holds, what its codes mean, and whether it
 * names or may name people or firms. Written beside the data as CSV and as a sheet of the XLSX.
 */
import type { Cell, CodebookEntry, ColumnNote, ExportTable, FormExport } from './types';

/** A header and rows: what a CSV file or a sheet holds. */
export interface Grid {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export const dictionaryHeader = ['variable', 'table', 'label_fr', 'label_en', 'type', 'choices', 'notes_fr', 'notes_en'] as const;

const noteWords: Readonly<Record<ColumnNote, { fr: string; en: string }>> = {
  pseudonymised: { fr: 'pseudonymisé (code stable, pas le nom)', en: 'pseudonymised (a stable code, not the name)' },
  identifying: { fr: 'identifiant\u00a0: nom en clair', en: 'identifying: the name in clear' },
  'possibly-identifying': { fr: 'texte libre, peut nommer des personnes ou des entreprises', en: 'free text, may name people or firms' },
  confidential: { fr: 'confidentiel\u00a0: jamais pour les financeurs', en: 'confidential: never for funders' },
};

export function tableGrid(table: ExportTable): Grid {
  return { header: table.columns.map((c) => c.name), rows: table.rows };
}

export function dictionaryGrid(form: FormExport): Grid {
  const rows: Cell[][] = [];
  for (const table of form.tables) {
    for (const column of table.columns) {
      const choices = (column.codes ?? []).map((c) => `${c.code} = ${c.label.fr} / ${c.label.en}`).join('\n');
      rows.push([
        column.name,
        table.name,
        column.label.fr,
        column.label.en,
        column.type,
        choices === '' ? null : choices,
        column.notes.length === 0 ? null : column.notes.map((n) => noteWords[n].fr).join('\u00a0; '),
        column.notes.length === 0 ? null : column.notes.map((n) => noteWords[n].en).join('; '),
      ]);
    }
  }
  return { header: dictionaryHeader, rows };
}

export const codebookHeader = ['id', 'parent', 'name_fr', 'name_en', 'definition_fr', 'definition_en'] as const;

/** The qualitative codebook as a grid (empty, with its header, when there are no codes yet). */
export function codebookGrid(codebook: readonly CodebookEntry[]): Grid {
  return {
    header: codebookHeader,
    rows: codebook.map((c) => [c.id, c.parent, c.name.fr, c.name.en, c.definition.fr, c.definition.en]),
  };
}
