import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../electron/main/security/permissions';

describe('denyAllPermissions', () => {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  denyAllPermissions(session);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'])(
    'refuses a request for %s',
    (permission) => {
      const [[handler]] = session.setPermissionRequestHandler.mock.calls as [[(...args: unknown[]) => void]];
      const callback = vi.fn();
      handler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check and device request with no', () => {
    const [[check]] = session.setPermissionCheckHandler.mock.calls as [[(...args: unknown[]) => boolean]];
    const [[device]] = session.setDevicePermissionHandler.mock.calls as [[(...args: unknown[]) => boolean]];
    expect(check(null, 'media', 'app://maillage', {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://maillage' })).toBe(false);
  });
});
