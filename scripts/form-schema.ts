/**
 * The JSON Schema of the form format, generated from the zod schema in core/forms/schema.ts
 * (the single source of truth), so that a form author's editor can check and complete
 * forms/<id>/v<N>.json. A unit test regenerates it in memory and fails when
 * docs/form-format.schema.json is out of date (`npm run docs:schema` rewrites it).
 *
 * The parts that recur (a bilingual text, a name, an expression, each question type) are named
 * in `$defs` through a local registry, which leaves the zod schema itself untouched.
 */
import { z } from 'zod';
import { choiceSchema, formSchema, matrixItemSchema, nameSchema, questionSchema, sectionSchema, textSchema } from '../core/forms/schema';

export const formJsonSchemaPath = 'docs/form-format.schema.json';

interface Meta {
  id: string;
  description: string;
}

function namedParts(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  registry.add(textSchema, { id: 'text', description: 'A text a person reads, in French and English; both must be non-empty.' });
  registry.add(nameSchema, { id: 'name', description: 'A stable identifier, used by expressions and exports.' });
  registry.add(sectionSchema.shape.relevant.unwrap(), { id: 'expression', description: 'An expression in XLSForm syntax: ${name}, ., and, or, not(), selected()…' });
  registry.add(choiceSchema, { id: 'choice', description: 'One choice: the stored value, its label, and attributes a choice filter may test.' });
  registry.add(matrixItemSchema, { id: 'matrix-item', description: 'One item of a matrix, answered and exported under its own name.' });
  registry.add(sectionSchema, { id: 'section', description: 'A section of the interview, with its questions in order.' });
  for (const option of questionSchema.options) {
    const type = option.shape.type.value;
    registry.add(option, { id: `question-${type}`, description: `A question of type "${type}".` });
  }
  return registry;
}

/** The schema as the file holds it: draft 2020-12, two-space indentation, a final newline. */
export function formJsonSchemaText(): string {
  const { $schema, ...generated } = z.toJSONSchema(formSchema, { target: 'draft-2020-12', metadata: namedParts() });
  const schema = {
    $schema,
    title: 'Maillage form (forms/<form-id>/v<N>.json)',
    description: 'Generated from core/forms/schema.ts by `npm run docs:schema`: do not edit by hand. The loader checks more than this schema can (see docs/form-format.md).',
    ...generated,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
