/**
 * Maillage needs no web permission (camera, geolocation, notifications, USB, …): interviews are
 * typed, files go through native dialogs. So every request and every check is refused, which
 * also covers permissions Chromium adds in later versions.
 */
import type { Session } from 'electron';

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
