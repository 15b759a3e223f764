import type { TestProject } from 'vitest/node';
import { startPreview, type RunningPreview } from '../helpers/preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningPreview | undefined;

export async function setup(project: TestProject): Promise<void> {
  process.env.TZ = 'Europe/Paris';
  server = await startPreview();
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
