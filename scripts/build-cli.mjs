// Bundles the CLI (cli/entry.ts and the core it imports) into ES modules for Node:
// dist/cli/maillage.mjs, which bin/maillage.mjs loads, and the chunks it loads on demand in
// dist/cli/chunks/. npm dependencies are bundled in so the folder runs on any machine with Node;
// Node built-ins stay external. The version printed by
// `maillage --version` is fixed here from package.json.
//
// Usage: node scripts/build-cli.mjs [--out-dir <dir>]   (default dist/cli)
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = resolve(root, values['out-dir'] ?? 'dist/cli');
const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));

await build({
  // The project's vite.config.ts describes the renderer; the CLI is built from this file alone.
  configFile: false,
  root,
  logLevel: 'warn',
  define: { __MAILLAGE_VERSION__: JSON.stringify(version) },
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: resolve(root, 'cli/entry.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    // Modules loaded on demand (exceljs, for `export --format xlsx`) go to chunks/, beside the
    // entry; .mjs so that they stay ES modules wherever the folder is copied.
    rolldownOptions: { output: { format: 'es', entryFileNames: 'maillage.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
  },
});

console.log(`maillage CLI ${version} built: ${outDir}/maillage.mjs`);
