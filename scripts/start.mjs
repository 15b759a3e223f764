// `npm start`: builds the app, then opens it in Electron.
//
// The Electron runtime is not in node_modules until `require('electron')` downloads it on first
// use, which needs the network. The lookup therefore runs in a child process with a time limit;
// when it fails, one line says so and points to the browser variant instead of a stack trace.
//
// Usage: node scripts/start.mjs [--skip-build]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const RESOLVE_TIMEOUT_MS = 60_000;
const MARKER = 'MAILLAGE_ELECTRON_PATH=';
const NO_ELECTRON =
  'Maillage: the Electron runtime could not be downloaded (no network?). Run the app in your browser instead: npm run dev:web';

/** `npm run build`, through the npm that runs this script when there is one (no shell needed on Windows). */
function runBuild() {
  const npmCli = process.env.npm_execpath;
  const [command, args, shell] =
    npmCli !== undefined && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', 'build'], false]
      : ['npm', ['run', 'build'], process.platform === 'win32'];
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell });
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** The Electron executable's path, or undefined when it is missing and cannot be downloaded in time. */
function resolveElectron() {
  const probe = `process.stdout.write('\\n${MARKER}' + JSON.stringify(require('electron')) + '\\n')`;
  // Its own process group, so a timeout also ends the downloader that require('electron') spawns.
  const ownGroup = process.platform !== 'win32';
  const child = spawn(process.execPath, ['-e', probe], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup });
  const stop = () => {
    try {
      if (ownGroup && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.resume();
  return new Promise((done) => {
    const timer = setTimeout(stop, RESOLVE_TIMEOUT_MS);
    const finish = (path) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      done(path);
    };
    child.on('error', () => finish(undefined));
    // 'exit', not 'close': a downloader left behind may still hold the pipes open.
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(MARKER));
      if (code !== 0 || line === undefined) return finish(undefined);
      try {
        const path = JSON.parse(line.slice(MARKER.length));
        finish(typeof path === 'string' && existsSync(path) ? path : undefined);
      } catch {
        finish(undefined);
      }
    });
  });
}

function runElectron(electronPath) {
  const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Maillage: Electron could not be started (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean' } } });
if (values['skip-build'] !== true) {
  const code = await runBuild();
  if (code !== 0) process.exit(code);
}
const electronPath = await resolveElectron();
if (electronPath === undefined) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
runElectron(electronPath);
