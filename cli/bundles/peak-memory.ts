/** The most memory this process has held so far (resident set), in megabytes, as the OS counts it. */
import { resourceUsage } from 'node:process';

export function peakMemoryMb(): number {
  // maxRSS is in kilobytes.
  return Math.round(resourceUsage().maxRSS / 1024);
}
