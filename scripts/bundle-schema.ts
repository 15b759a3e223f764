/**
 * The JSON Schema of the bundle format, generated from the zod schemas in
 * core/exchange/bundle/schema.ts (the single source of truth), for anyone who writes or checks
 * `.maillage` files with other tools. The root describes a bundle's JSON entries as one object
 * keyed by their path in the zip; each part is also named in `$defs` (`#/$defs/manifest`,
 * `#/$defs/interview`…). A unit test regenerates it in memory and fails when
 * docs/bundle-format.schema.json is out of date (`npm run docs:bundle-schema` rewrites it).
 */
import { z } from 'zod';
import {
  entryPaths, formRecordSchema, hlcSchema, interviewRecordSchema, manifestSchema, tombstoneRecordSchema, versionAtSchema,
} from '../core/exchange/bundle/schema';

export const bundleJsonSchemaPath = 'docs/bundle-format.schema.json';

interface Meta {
  id: string;
  description: string;
}

function namedParts(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  registry.add(hlcSchema, { id: 'hlc', description: 'A hybrid logical clock stamp: 9 base-36 digits of milliseconds since 1970, a dot, 5 base-36 digits of a counter, a dot, the device id. Stamps sort as strings in causal order.' });
  registry.add(versionAtSchema, { id: 'at', description: 'Where a version\'s stamp is: the index of its stamp in the record\'s `stamps` table, or [index, seen] where `seen` maps a device to the index of the greatest stamp of that device the writer had seen of this field.' });
  registry.add(manifestSchema, { id: 'manifest', description: 'manifest.json: what the bundle is, who wrote it, and the SHA-256 of every entry.' });
  registry.add(interviewRecordSchema, { id: 'interview', description: 'An interview as it travels: its stamps once (sorted), and `fields`, a flat list of versions, three items each: the field path, the value (null when the field was cleared) and where its stamp is (#/$defs/at). Paths are sorted; a field written on several computers without seeing each other’s write lists its versions (those no other kept version has seen) one after the other, newest first: a conflict when their values differ. The list\'s length is a multiple of 3.' });
  registry.add(tombstoneRecordSchema, { id: 'tombstone', description: 'A deletion, final in every merge.' });
  registry.add(formRecordSchema, { id: 'form', description: 'An installed form the interviews need: its key (id@version), file name and the text of its file.' });
  return registry;
}

/** The schema as the file holds it: draft 2020-12, two-space indentation, a final newline. */
export function bundleJsonSchemaText(): string {
  const contents = z.object({
    'manifest.json': manifestSchema,
    [entryPaths.interviews]: z.array(interviewRecordSchema),
    [entryPaths.tombstones]: z.array(tombstoneRecordSchema),
    [entryPaths.forms]: z.array(formRecordSchema),
  });
  const { $schema, ...generated } = z.toJSONSchema(contents, { target: 'draft-2020-12', io: 'input', metadata: namedParts() });
  const schema = {
    $schema,
    title: 'Maillage bundle, format 1.x (.maillage): its JSON entries, keyed by their path in the zip',
    description: 'Generated from core/exchange/bundle/schema.ts by `npm run docs:bundle-schema`: do not edit by hand. Records are open to fields a newer minor version adds. The reader checks more than this schema can (checksums, limits, duplicate ids, clocks; see docs/bundle-format.md).',
    ...generated,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
