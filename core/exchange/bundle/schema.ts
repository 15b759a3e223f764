/**
 * The bundle format, version 1.0 (see docs/bundle-format.md). A `.maillage` file is a zip with
 * `manifest.json` and checksummed JSON entries. Records are open to unknown fields, which a newer
 * minor version may add: they survive import and re-export.
 */
import { z } from 'zod';
import type { FieldRegisters } from '../interview-sync';

export const bundleFormat = 'maillage-bundle';
export const bundleVersion = { major: 1, minor: 0 } as const;
export const bundleVersionText = `${bundleVersion.major}.${bundleVersion.minor}`;

export const entryPaths = {
  interviews: 'records/interviews.json',
  tombstones: 'records/tombstones.json',
  forms: 'records/forms.json',
} as const;
export type RecordKind = keyof typeof entryPaths;
export const recordKinds = Object.keys(entryPaths) as RecordKind[];

export const hlcSchema = z.string().regex(/^[0-9a-z]{9}\.[0-9a-z]{5}\.[a-z0-9-]{1,40}$/, 'a clock stamp');
const hlc = hlcSchema;

/** At most this many devices in a bundle's directory (a team has a handful). */
export const maxDirectoryDevices = 10_000;

/**
 * Another device whose writes the bundle may carry, as its writer knew it: the name and
 * researcher that device gave in its own latest bundle the writer saw, and that bundle's time
 * (see device-directory.ts).
 */
export const directoryDeviceSchema = z.looseObject({
  id: z.string().min(1).max(80),
  name: z.string().max(200),
  researcher: z.string().max(200),
  at: z.string().max(40),
});

export const manifestSchema = z.looseObject({
  format: z.literal(bundleFormat),
  version: z.string().regex(/^\d+\.\d+$/),
  exportedAt: z.string(),
  device: z.looseObject({ id: z.string().max(80), name: z.string().max(200) }),
  researcher: z.string().max(200),
  entries: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() })),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Optional: absent when the writer knew no other device. */
  devices: z.array(directoryDeviceSchema).max(maxDirectoryDevices).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

const stampIndex = z.number().int().min(0);

/**
 * Where a version's stamp is: the index of its stamp in the record's `stamps` table, or
 * `[index, seen]` where `seen` maps a device to the index of the greatest stamp of that device
 * its writer had seen of this field. (Documentation and tests; the reader decodes by hand, see
 * interview-wire.ts.)
 */
export const versionAtSchema = z.union([stampIndex, z.tuple([stampIndex, z.record(z.string(), stampIndex)])]);

/**
 * An interview on the wire: its stamps once, sorted, and its fields as one flat list of
 * versions, three items each — path, value, at — sorted by path, a field's versions newest first.
 */
export const interviewRecordSchema = z.looseObject({
  id: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  stamps: z.array(hlc).min(1),
  fields: z.array(z.union([z.string().min(1).max(300), versionAtSchema, z.unknown()])).min(3),
});

/** An interview as it travels: its field registers, plus any fields a newer minor version added. */
export interface InterviewRecord {
  readonly id: string;
  readonly fields: FieldRegisters;
  readonly [extra: string]: unknown;
}

export const tombstoneRecordSchema = z.looseObject({
  id: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  kind: z.literal('interview'),
  hlc,
});
export type TombstoneRecord = z.infer<typeof tombstoneRecordSchema>;

export const formRecordSchema = z.looseObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}@\d+$/),
  fileName: z.string().max(255),
  source: z.string().max(5_000_000),
});
export type FormRecord = z.infer<typeof formRecordSchema>;
