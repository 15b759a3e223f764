// npm run lint:security — Electronegativity over the Electron shell, failing on any finding that
// is not justified in the source.
//
// What is scanned, and why: the TypeScript sources in electron/ (plus package.json, for its
// Electron checks), not the bundle in dist/electron. On the bundle, Electronegativity
//   - skips the files outright (it only reads .js/.ts/.html, not .cjs),
//   - no longer recognises the window: bundling rewrites `new BrowserWindow(…)` to
//     `new electron.BrowserWindow(…)`, which its checks do not match, so they pass silently,
//   - cannot honour justifications, which must sit on the flagged line and which the bundler
//     moves or drops,
//   - would report zod's code, which is not ours to annotate.
// The bundle is still built when missing, and checked here for insecure webPreferences literals,
// so the security lint never passes on a tree that does not build.
//
// How findings are justified: with Electronegativity's own comment, plus a reason,
//   someCall(); // eng-disable CHECK_ID [OTHER_ID…] -- why this is safe
// on the flagged line (or on a file's first line, for the whole file). A global finding, which
// has no line, is justified by such a comment anywhere in the sources. To count justified
// findings the script scans a copy of the sources in which the comments are neutralised, then
// matches them itself; a comment with no reason, or that matches no finding, is an error, as
// unused eslint-disable comments are.
//
// It calls Electronegativity's API rather than its CLI: with an output file the CLI drops parse
// errors without a word, and a file it could not parse would pass as clean. Offline, it waits
// about 10 s for Electron's release list before giving up on that one check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundles = ['main.cjs', 'preload.cjs'].map((name) => path.join(root, 'dist/electron', name));
const insecureLiterals = [
  /nodeIntegration(?:InWorker|InSubFrames)?:\s*true/,
  /contextIsolation:\s*false/,
  /sandbox:\s*false/,
  /webSecurity:\s*false/,
  /allowRunningInsecureContent:\s*true/,
  /webviewTag:\s*true/,
  /experimentalFeatures:\s*true/,
  /unsafe-eval/,
];
// Same length as 'eng-disable', so every finding keeps its line and column in the copy.
const NEUTRAL = 'eng-justify';
const directivePattern = /(?:\/\/|\/\*)[ \t]*eng-disable[ \t]+([\w \t,]+?)[ \t]*(?:--[ \t]*(.*?))?[ \t]*(?:\*\/.*)?$/;

async function checkBundle() {
  if (!bundles.every((file) => existsSync(file))) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:electron failed');
  }
  const problems = [];
  for (const file of bundles) {
    const code = await readFile(file, 'utf8');
    for (const pattern of insecureLiterals) {
      if (pattern.test(code)) problems.push(`${path.relative(root, file)}: ${pattern.source}`);
    }
  }
  return problems;
}

async function listSources(folder) {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Copies the sources with justifications neutralised; returns each file's original lines. */
async function stage(stageDir, files) {
  const lines = new Map();
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8');
    lines.set(file, text.split('\n'));
    await mkdir(path.dirname(path.join(stageDir, file)), { recursive: true });
    await writeFile(path.join(stageDir, file), text.replaceAll('eng-disable', NEUTRAL));
  }
  return lines;
}

/** Every `eng-disable` comment in the sources, with where it is and what it names. */
function directives(sourceLines) {
  const found = [];
  for (const [file, lines] of sourceLines) {
    lines.forEach((text, index) => {
      const match = directivePattern.exec(text);
      if (match === null) return;
      const ids = match[1].split(/[\s,]+/).filter(Boolean).map((id) => id.toUpperCase());
      found.push({ file, line: index + 1, ids, reason: (match[2] ?? '').trim(), usedIds: new Set() });
    });
  }
  return found;
}

function names(issue) {
  return [issue.id.toUpperCase(), String(issue.constructorName ?? '').toUpperCase()];
}

/** The directive that justifies `issue`, if any: same line, first line of the file, or (global) anywhere. */
function justification(issue, all) {
  const isGlobal = issue.file === 'N/A';
  return all.find(
    (directive) =>
      directive.ids.some((id) => names(issue).includes(id)) &&
      (isGlobal || (directive.file === issue.file && (directive.line === issue.location.line || directive.line === 1))),
  );
}

/** Runs `task` with the tool's chatter ("no connectivity?") held back; shown only if it throws. */
async function quietly(task) {
  const held = [];
  const saved = { log: console.log, info: console.info, warn: console.warn };
  console.log = console.info = console.warn = (...args) => held.push(args.join(' '));
  try {
    return await task();
  } catch (error) {
    for (const line of held) console.error(line);
    throw error;
  } finally {
    Object.assign(console, saved);
  }
}

async function scan() {
  const files = [...(await listSources('electron')), 'package.json'];
  const stageDir = await mkdtemp(path.join(os.tmpdir(), 'maillage-electronegativity-'));
  try {
    const sourceLines = await stage(stageDir, files);
    const { default: electronegativity } = await import('@doyensec/electronegativity');
    const { version } = JSON.parse(await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8'));
    process.env.LANG = 'en-US'; // its messages; any other locale is fetched from the network
    const result = await quietly(() =>
      electronegativity(
        { input: stageDir, isRelative: true, isVerbose: false, customScan: [], excludeFromScan: [], electronVersionOverride: version, parserPlugins: [] },
        false,
      ),
    );
    for (const error of result.errors) error.file = path.relative(stageDir, error.file);
    return { result, sourceLines, fileCount: files.length };
  } finally {
    await rm(stageDir, { recursive: true, force: true });
  }
}

const failures = (await checkBundle()).map((problem) => `insecure literal in ${problem}`);
const { result, sourceLines, fileCount } = await scan();
for (const error of result.errors) failures.push(`${error.tolerable ? 'parse warning' : 'could not parse'} ${error.file}: ${error.message}`);
if (result.atomicChecks === 0) failures.push('no Electronegativity check was loaded');

const all = directives(sourceLines);
let justified = 0;
for (const issue of result.issues) {
  const directive = justification(issue, all);
  const where = issue.file === 'N/A' ? '(global)' : `${issue.file}:${issue.location.line}`;
  for (const id of directive?.ids ?? []) if (names(issue).includes(id)) directive?.usedIds.add(id);
  if (directive !== undefined && directive.reason !== '') justified += 1;
  else if (directive !== undefined) failures.push(`${issue.id} ${where}: eng-disable without a reason (add "-- why")`);
  else failures.push(`${issue.id} ${where}: ${issue.description}`);
}
for (const directive of all) {
  const unused = directive.ids.filter((id) => !directive.usedIds.has(id));
  if (unused.length > 0) failures.push(`unused justification ${directive.file}:${directive.line}: nothing flags ${unused.join(' ')} there`);
}

console.log(`electronegativity: ${result.issues.length} findings, ${justified} justified (${fileCount} files, ${result.atomicChecks + result.globalChecks} checks)`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
