/**
 * The time written into bundles: SOURCE_DATE_EPOCH (seconds since 1970) when it is set, as
 * reproducible builds do, so that the same data gives the same bytes; otherwise now. A value
 * that is not a whole number of seconds is refused rather than guessed.
 */
import { err, ok, type Result } from '../../core/shared/result';
import type { Env } from '../i18n';

export function bundleTime(env: Env, now: () => Date = () => new Date()): Result<Date, { readonly value: string }> {
  const value = env['SOURCE_DATE_EPOCH'];
  if (value === undefined || value === '') return ok(now());
  if (!/^\d{1,11}$/.test(value)) return err({ value });
  return ok(new Date(Number(value) * 1000));
}
