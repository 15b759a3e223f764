/**
 * Ids shaped like the app's (UUID version 7: the creation time first, so ids sort by creation),
 * but drawn from the seeded source, so that demo data is reproducible.
 */
import type { Random } from './random';

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

export function demoId(random: Random, timeMs: number): string {
  const time = hex(Math.max(0, Math.floor(timeMs)), 12).slice(-12);
  const rand = (digits: number) => hex(random.int(0, 16 ** digits - 1), digits);
  const variant = (8 + random.int(0, 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${rand(3)}-${variant}${rand(3)}-${rand(6)}${rand(6)}`;
}
