/** Files for CLI tests: a fresh folder per test under the OS temp dir, and bundles dated from the real clock. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Dataset } from '../../core/exchange/bundle/dataset';
import { writeBundle } from '../../core/exchange/bundle/write-bundle';
import { formatHlc } from '../../core/exchange/hlc';
import type { Interview } from '../../core/records/interview';
import { datasetOf, origin } from './bundles';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-cli-'));
  made.push(dir);
  return dir;
}

/**
 * `validate` and `merge` compare stamps with the real clock (a bundle from the future is put
 * aside), so test bundles are stamped relative to it.
 */
export const stampFromNow = (minutes: number, device = 'd-test') => formatHlc({ wall: Date.now() + minutes * 60_000, counter: 0, device });

export function writeDataset(dir: string, name: string, dataset: Dataset): string {
  const path = join(dir, name);
  writeFileSync(path, writeBundle(dataset, origin));
  return path;
}

export function writeInterviews(dir: string, name: string, interviews: readonly Interview[], minutesFromNow = -60): string {
  return writeDataset(dir, name, datasetOf(interviews, stampFromNow(minutesFromNow)));
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export const bytesOf = (path: string): Buffer => readFileSync(path);
