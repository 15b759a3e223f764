// `npm run dev:web`: the browser variant of Maillage, served by Vite's dev server on the loopback
// interface only (the project's vite.config.ts sets the renderer root). Ctrl+C closes it.
import { createServer } from 'vite';

const HOST = '127.0.0.1';

let server;
try {
  server = await createServer({ server: { host: HOST, port: 5173, strictPort: false } });
  await server.listen();
} catch (error) {
  console.error(`Maillage: the development server could not start (${error instanceof Error ? error.message : String(error)}).`);
  process.exit(1);
}

const url = server.resolvedUrls?.local[0] ?? `http://${HOST}:${server.config.server.port}/`;
console.log(`Maillage (browser variant): ${url} — Ctrl+C to stop`);

let isClosing = false;
async function stop() {
  // A second Ctrl+C while closing does not wait.
  if (isClosing) process.exit(130);
  isClosing = true;
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
