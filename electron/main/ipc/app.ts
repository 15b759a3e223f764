/** IPC domain "app": what the renderer may know about the shell, and the UI language. */
import { app } from 'electron';
import { ok } from '../../../core/shared/result';
import type { Language } from '../../bridge-contract';
import type { Handler } from './handle';

export const getAppInfo: Handler<'app:get-info'> = () =>
  Promise.resolve(
    ok({
      version: app.getVersion(),
      dataLocation: { kind: 'folder', path: app.getPath('userData') },
      platform: process.platform,
      shell: 'electron',
    }),
  );

/** The renderer owns the language choice; main follows it so the native menu matches the UI. */
export function createSetLanguage(applyLanguage: (language: Language) => void): Handler<'app:set-language'> {
  return ({ language }) => {
    applyLanguage(language);
    return Promise.resolve(ok(null));
  };
}
