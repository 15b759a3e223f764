/**
 * Bundled into a page of the app's origin by the import benchmark: the app's own reader
 * (features/exchange/bundle-files.ts) and data layer (renderer/src/data/exchange.ts) against its real IndexedDB, and beside it a bare Dexie
 * bulkPut of the same records into a second database with the same schema.
 */
import { readBundle } from '../../core/exchange/bundle/read-bundle';
import { openBundle } from '../../renderer/src/features/exchange/bundle-files';
import type { Dataset } from '../../core/exchange/bundle/dataset';
import { interviewFromRegisters } from '../../core/exchange/interview-sync';
import type { InterviewSummary } from '../../core/records/interview';
import { openMaillageDb, type MaillageDb, type StoredInterviewData } from '../../renderer/src/data/db';
import { applyImport, previewImport } from '../../renderer/src/data/exchange';

interface Rows {
  readonly summaries: InterviewSummary[];
  readonly data: StoredInterviewData[];
  readonly tombstones: { id: string; kind: 'interview'; hlc: string }[];
}

const state: { local?: Rows; incoming?: Rows; incomingBytes?: Uint8Array; app?: MaillageDb; bare?: MaillageDb } = {};

function datasetOf(bytes: Uint8Array): Dataset {
  const read = readBundle(bytes, new Date());
  if (!read.ok) throw new Error(`bench bundle refused: ${read.error.code}`);
  return read.value.dataset;
}

/** The rows the app stores for a dataset (what a bare bulkPut writes). */
function rowsOf(dataset: Dataset): Rows {
  const summaries: InterviewSummary[] = [];
  const data: StoredInterviewData[] = [];
  for (const record of dataset.interviews.values()) {
    const interview = interviewFromRegisters(record.id, record.fields, null);
    if (!interview) continue;
    const { answers, ...summary } = interview;
    summaries.push(summary);
    data.push({ id: record.id, answers, registers: record.fields });
  }
  const tombstones = [...dataset.tombstones.values()].map((t) => ({ id: t.id, kind: 'interview' as const, hlc: t.hlc }));
  return { summaries, data, tombstones };
}

async function bytesAt(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

async function prepare(localUrl: string, incomingUrl: string): Promise<void> {
  state.local = rowsOf(datasetOf(await bytesAt(localUrl)));
  state.incomingBytes = await bytesAt(incomingUrl);
  state.incoming = rowsOf(datasetOf(state.incomingBytes));
  state.app = openMaillageDb();
  state.bare = openMaillageDb('maillage-bench-bare');
  await Promise.all([state.app.open(), state.bare.open()]);
}

/** The app's database back to the local researcher's 10,000 interviews. */
async function seed(): Promise<void> {
  const { app, local } = state;
  if (!app || !local) throw new Error('prepare first');
  await app.transaction('rw', [app.interviews, app.interviewData, app.tombstones], async () => {
    await Promise.all([app.interviews.clear(), app.interviewData.clear(), app.tombstones.clear()]);
    await app.interviews.bulkPut(local.summaries);
    await app.interviewData.bulkPut(local.data);
    await app.tombstones.bulkPut(local.tombstones);
  });
}

/** Reading and checking the bundle, the preview shown before confirming, and the import itself. */
async function importOnce() {
  const { app, incomingBytes } = state;
  if (!app || !incomingBytes) throw new Error('prepare first');
  const now = () => Date.now();
  const t0 = performance.now();
  const opened = await openBundle(incomingBytes, 'fr');
  if (!opened.ok) throw new Error(opened.error);
  const dataset = opened.value.dataset;
  const t1 = performance.now();
  const preview = await previewImport(app, now, dataset);
  const t2 = performance.now();
  const applied = await applyImport(app, now, dataset, () => true);
  const t3 = performance.now();
  if (!preview.ok || !applied.ok) throw new Error('import failed');
  return { readMs: t1 - t0, previewMs: t2 - t1, applyMs: t3 - t2, totalMs: t3 - t0 - (t2 - t1), preview: preview.value.interviews, written: applied.value.written };
}

/** A bare bulkPut of the bundle's records, as the app stores them, into an empty database. */
async function bareOnce(): Promise<number> {
  const { bare, incoming } = state;
  if (!bare || !incoming) throw new Error('prepare first');
  await bare.transaction('rw', [bare.interviews, bare.interviewData, bare.tombstones], async () => {
    await Promise.all([bare.interviews.clear(), bare.interviewData.clear(), bare.tombstones.clear()]);
  });
  const t0 = performance.now();
  await bare.transaction('rw', [bare.interviews, bare.interviewData, bare.tombstones], async () => {
    await bare.interviews.bulkPut(incoming.summaries);
    await bare.interviewData.bulkPut(incoming.data);
    await bare.tombstones.bulkPut(incoming.tombstones);
  });
  return performance.now() - t0;
}

Object.assign(globalThis, { maillageImportBench: { prepare, seed, importOnce, bareOnce } });
