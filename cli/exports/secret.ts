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

type Found = Result<{ readonly text: string; readonly created: boolean }, SecretError>;

async function readSecretFile(path: string): Promise<Found> {
  try {
    return ok({ text: await readFile(path, 'utf8'), created: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return err({ kind: 'unreadable', path, reason: code ?? String(error) });
    return ok({ text: `${randomBytes(32).toString('hex')}\n`, created: true });
  }
}

function secretOf(path: string, found: Found): Result<Secret, SecretError> {
  if (!found.ok) return found;
  const bytes = encoder.encode(found.value.text.trim());
  if (bytes.length < minSecretBytes) return err({ kind: 'too-short', where: path, min: minSecretBytes });
  return ok({ bytes, source: { kind: 'file', path, created: found.value.created } });
}

/**
 * The secret, found without writing anything: a secret file that does not exist yet gets new
 * random bytes, which `keepSecret` writes once the export is sure to go ahead.
 */
export async function findSecret(options: { readonly secretFile: string | undefined; readonly env: Env; readonly bundlePath: string }): Promise<Result<Secret, SecretError>> {
  const fromEnv = options.env[secretVariable];
  if (options.secretFile === undefined && fromEnv !== undefined && fromEnv !== '') {
    const bytes = encoder.encode(fromEnv);
    return bytes.length < minSecretBytes ? err({ kind: 'too-short', where: secretVariable, min: minSecretBytes }) : ok({ bytes, source: { kind: 'env' } });
  }
  const path = options.secretFile === undefined ? join(dirname(resolve(options.bundlePath)), secretFileName) : resolve(options.secretFile);
  return secretOf(path, await readSecretFile(path));
}

/** Writes a secret that findSecret made (readable by its owner only); if another export wrote one meanwhile, that one is the secret. */
export async function keepSecret(secret: Secret): Promise<Result<Secret, SecretError>> {
  const { source } = secret;
  if (source.kind !== 'file' || !source.created) return ok(secret);
  try {
    await writeFile(source.path, `${Buffer.from(secret.bytes).toString('utf8')}\n`, { flag: 'wx', mode: 0o600 });
    return ok(secret);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') return err({ kind: 'unreadable', path: source.path, reason: code ?? String(error) });
    const theirs = secretOf(source.path, await readSecretFile(source.path));
    if (!theirs.ok) return theirs;
    // Written and deleted meanwhile: try again with new bytes.
    return theirs.value.source.kind === 'file' && theirs.value.source.created ? keepSecret(theirs.value) : theirs;
  }
}
