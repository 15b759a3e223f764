import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives } from '../../../electron/main/security/csp';

function directive(name: string): string[] {
  const found = contentSecurityPolicy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found?.slice(1) ?? [];
}

describe('the Content-Security-Policy', () => {
  it('never allows eval or inline code anywhere', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-hashes');
    expect(contentSecurityPolicy).not.toContain('wasm-unsafe-eval');
  });

  it('runs only scripts shipped with the app', () => {
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('style-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
    expect(directive('form-action')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
  });

  it('reaches no network origin', () => {
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*/);
  });

  it('allows generated images, embedded fonts and bundled workers', () => {
    expect(directive('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive('font-src')).toEqual(["'self'", 'data:']);
    expect(directive('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('writes every directive exactly once', () => {
    const names = contentSecurityPolicy.split(';').map((part) => part.trim().split(' ')[0]);
    expect(names).toEqual(Object.keys(cspDirectives));
    expect(new Set(names).size).toBe(names.length);
  });
});
