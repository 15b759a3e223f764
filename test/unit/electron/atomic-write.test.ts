import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/services/atomic-write';
import { fileErrorFrom } from '../../../electron/main/services/file-errors';
import { readFileCapped } from '../../../electron/main/services/read-file-capped';

const bytes = (text: string) => new TextEncoder().encode(text);

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, except that writing the temporary file fails with `code`. */
function failingWrites(code: string): AtomicWriteFs {
  return {
    ...nodeFs,
    open: async (filePath, flags) => {
      const handle = await nodeFs.open(filePath, flags);
      if (flags !== 'wx') return handle;
      return { writeFile: () => Promise.reject(errnoError(code)), sync: () => handle.sync(), close: () => handle.close() };
    },
  };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'maillage-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file', async () => {
    const target = path.join(dir, 'bundle.maillage');
    expect(await writeFileAtomic(target, bytes('v1'))).toEqual({ ok: true, value: undefined });
    expect(await readFile(target, 'utf8')).toBe('v1');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFile(target, 'old');
    await writeFileAtomic(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['EROFS', 'permission-denied'],
    ['EIO', 'io'],
  ])('maps %s to %s, keeps the old file and cleans up', async (code, expected) => {
    const target = path.join(dir, 'export.xlsx');
    await writeFile(target, 'old');
    const result = await writeFileAtomic(target, bytes('new'), failingWrites(code));
    expect(result).toEqual({ ok: false, error: { code: expected, message: `${code}: simulated` } });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['export.xlsx']);
  });

  it('reports a missing folder as an io error', async () => {
    const result = await writeFileAtomic(path.join(dir, 'gone', 'x.csv'), bytes('x'));
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

describe('fileErrorFrom', () => {
  it('handles values that are not errors', () => {
    expect(fileErrorFrom('odd')).toEqual({ code: 'io', message: 'odd' });
    expect(fileErrorFrom({ code: 42 })).toMatchObject({ code: 'io' });
  });
});

describe('readFileCapped', () => {
  it('reads a file within the cap', async () => {
    const file = path.join(dir, 'in.maillage');
    await writeFile(file, 'hello');
    const result = await readFileCapped(file, 5);
    expect(result.ok && new TextDecoder().decode(result.value)).toBe('hello');
  });

  it('refuses a file over the cap without reading it', async () => {
    const file = path.join(dir, 'big.maillage');
    await writeFile(file, 'hello!');
    expect(await readFileCapped(file, 5)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('refuses a folder and reports a missing file', async () => {
    expect(await readFileCapped(dir)).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await readFileCapped(path.join(dir, 'missing'))).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});
