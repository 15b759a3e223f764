// Builds the Electron shell into dist/electron:
//   electron/main/index.ts    → dist/electron/main.cjs     (package.json "main")
//   electron/preload/index.ts → dist/electron/preload.cjs  (loaded by the window, sandboxed)
//
// Vite's build() in SSR mode gives a Node-targeted bundle; CommonJS because a sandboxed preload
// can only be a classic script, and main uses __dirname to find its siblings. Each entry is one
// self-contained file: zod and the contract are bundled in, only `electron` and Node built-ins
// stay as require() calls. configFile: false keeps the renderer's vite.config.ts out of it.
// After building, the script checks the two promises the shell depends on and fails otherwise:
// no `import.meta` in CommonJS output, and a preload that requires nothing but `electron`.
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/electron');
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const entries = [
  { input: 'electron/main/index.ts', output: 'main.cjs', treeshake: {} },
  // The preload uses only the contract's plain data (bridgeMethods, bridgeGlobalName). Telling
  // the bundler that building zod schemas has no side effects drops zod from it entirely:
  // less code in the page's process, and nothing that could evaluate strings there.
  { input: 'electron/preload/index.ts', output: 'preload.cjs', treeshake: { manualPureFunctions: ['z'] } },
];

async function buildEntry({ input, output, treeshake }) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    ssr: { target: 'node', noExternal: true, external: ['electron'] },
    build: {
      ssr: path.join(root, input),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['electron', ...nodeBuiltins],
        treeshake,
        output: { format: 'cjs', entryFileNames: output, codeSplitting: false },
      },
    },
  });
}

async function check({ output }) {
  const code = await readFile(path.join(outDir, output), 'utf8');
  const problems = [];
  if (code.includes('import.meta')) problems.push('uses import.meta, which is undefined in CommonJS');
  const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  const allowed = output === 'preload.cjs' ? ['electron'] : ['electron', ...nodeBuiltins];
  for (const name of new Set(required)) {
    if (!allowed.includes(name)) problems.push(`requires "${name}", which will not exist at run time`);
  }
  return problems.map((problem) => `dist/electron/${output} ${problem}`);
}

for (const entry of entries) await buildEntry(entry);
const problems = (await Promise.all(entries.map(check))).flat();
if (problems.length > 0) {
  for (const problem of problems) console.error(`build-electron: ${problem}`);
  process.exit(1);
}
console.log(`build-electron: ${entries.map((entry) => `dist/electron/${entry.output}`).join(', ')}`);
