/**
 * IPC domain "shell": hand a link to the system browser. Only allowlisted https sites pass; the
 * renderer cannot use this to launch files, `file:` URLs or other protocol handlers.
 */
import { shell } from 'electron';
import { err, ok } from '../../../core/shared/result';
import { isAllowedExternalUrl } from '../security/navigation';
import type { Handler } from './handle';

export const openExternal: Handler<'shell:open-external'> = async ({ url }) => {
  if (!isAllowedExternalUrl(url)) return err({ code: 'not-allowed', message: `not an allowlisted https URL: ${url}` });
  try {
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- the allowlist check above returned early otherwise
  } catch (error) {
    // No default browser, or the desktop refused: the link itself was fine.
    return err({ code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  return ok(null);
};
