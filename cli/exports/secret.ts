/**
 * The project's pseudonym secret: what makes a firm's code the same in every export, and what
 * keeps anyone without it from recomputing codes from a list of names. In order of precedence:
 * `--secret-file <path>`, the variable MAILLAGE_PSEUDONYM_SECRET, or `.maillage-secret` in the
 * bundle's folder (the project's folder). A secret file that does not exist yet is created with
 * 32 random bytes, readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { minSecretBytes } from '../../core/exports/pseudonyms';
import { err, ok, type Result } from '../../core/shared/result';
import type { Env } from '../i18n';

export const secretFileName = '.maillage-secret';
export const secretVariable = 'MAILLAGE_PSEUDONYM_SECRET';

export type SecretSource =
  | { readonly kind: 'file'; readonly path: string; readonly created: boolean }
  | { readonly kind: 'env' };

export type SecretError =
  | { readonly kind: 'too-short'; readonly where: string; readonly min: number }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

export interface Secret {
  readonly bytes: Uint8Array;
  readonly source: SecretSource;
}

const encoder = new TextEncoder();

async function readOrCreate(path: string): Promise<Result<{ text: string; created: boolean }, SecretError>> {
  try {
    return ok({ text: await readFile(path, 'utf8'), created: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return err({ kind: 'unreadable', path, reason: code ?? String(error) });
  }
  const text = `${randomBytes(32).toString('hex')}\n`;
  try {
    // 'wx': if another export created it meanwhile, use theirs.
    await writeFile(path, text, { flag: 'wx', mode: 0o600 });
    return ok({ text, created: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return readOrCreate(path);
    return err({ kind: 'unreadable', path, reason: code ?? String(error) });
  }
}

export async function resolveSecret(options: { readonly secretFile: string | undefined; readonly env: Env; readonly bundlePath: string }): Promise<Result<Secret, SecretError>> {
  const fromEnv = options.env[secretVariable];
  if (options.secretFile === undefined && fromEnv !== undefined && fromEnv !== '') {
    const bytes = encoder.encode(fromEnv);
    return bytes.length < minSecretBytes ? err({ kind: 'too-short', where: secretVariable, min: minSecretBytes }) : ok({ bytes, source: { kind: 'env' } });
  }
  const path = options.secretFile === undefined ? join(dirname(resolve(options.bundlePath)), secretFileName) : resolve(options.secretFile);
  const read = await readOrCreate(path);
  if (!read.ok) return read;
  const bytes = encoder.encode(read.value.text.trim());
  if (bytes.length < minSecretBytes) return err({ kind: 'too-short', where: path, min: minSecretBytes });
  return ok({ bytes, source: { kind: 'file', path, created: read.value.created } });
}
