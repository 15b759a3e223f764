/**
 * The version printed by `maillage --version`. The bundle gets it from package.json at build
 * time (scripts/build-cli.mjs defines `__MAILLAGE_VERSION__`); when the sources run unbundled
 * (unit tests) the constant is absent and package.json is read next to the sources instead.
 */
import { readFileSync } from 'node:fs';

declare const __MAILLAGE_VERSION__: string | undefined;

export function cliVersion(): string {
  return typeof __MAILLAGE_VERSION__ === 'string' ? __MAILLAGE_VERSION__ : versionFromPackageJson();
}

function versionFromPackageJson(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // Unreadable package.json: fall through to the placeholder rather than fail a --version.
  }
  return 'unknown';
}
