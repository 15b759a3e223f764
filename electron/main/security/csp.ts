/**
 * The Content-Security-Policy sent with every page the `app://` protocol serves.
 *
 * Policy: the renderer runs only code that shipped with the app. No `unsafe-eval` and no inline
 * scripts, so an injected string can never become code. Styles are `'self'` only: React's
 * `style={{…}}` props go through the CSSOM, which `style-src` does not govern, so inline style
 * attributes are not needed. `data:`/`blob:` images cover generated charts and previews;
 * `blob:` workers cover bundled workers; nothing may be framed, posted or fetched elsewhere.
 */

export const cspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

// Electronegativity finds a CSP only in HTML or in webRequest header callbacks, not in the
// headers of a protocol.handle() response; csp.test.ts and protocol.test.ts assert it instead.
// eng-disable CSP_GLOBAL_CHECK -- sent as a response header by protocol.ts, which the tool cannot trace

/** The header value, e.g. `default-src 'self'; script-src 'self'; …`. */
export const contentSecurityPolicy: string = Object.entries(cspDirectives)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
