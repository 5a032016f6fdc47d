import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permission-policy';
import { trustedOrigins } from './trusted-sender';

const origins = trustedOrigins();

describe('permissionAllowed', () => {
  it('lets the app’s own page go full screen and copy a summary', () => {
    expect(permissionAllowed('fullscreen', 'unfreeze://app/index.html?screen=workshop', origins)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'unfreeze://app/index.html', origins)).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', ''])(
    'refuses %s even to the app',
    (permission) => {
      expect(permissionAllowed(permission, 'unfreeze://app/index.html', origins)).toBe(false);
    },
  );

  it.each(['https://example.com/', 'file:///etc/passwd', 'unfreeze://other/', undefined, 'not a url'])(
    'refuses everything to %s',
    (url) => {
      expect(permissionAllowed('fullscreen', url, origins)).toBe(false);
    },
  );
});
