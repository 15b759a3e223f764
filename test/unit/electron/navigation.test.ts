import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, isAllowedExternalUrl } from '../../../electron/main/security/navigation';
import { FakeWebContents } from './fakes';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://github.com/',
    'https://github.com/maillage/maillage/issues',
    'https://journals.openedition.org/rei/123',
    'https://www.cairn.info/revue.htm?x=1#top',
    'https://github.com:443/', // the default port, written out
    'https://ｇｉｔｈｕｂ.com/', // fullwidth letters: IDNA maps them to github.com itself, not a lookalike
  ])('lets %s through', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['an unlisted host with our origin in the query', 'https://evil.example/?next=app://maillage'],
    ['an allowlisted name as a subdomain', 'https://github.com.evil.example/'],
    ['credentials', 'https://user:pass@github.com/'],
    ['a user name alone', 'https://user@github.com/'],
    ['an allowlisted name as the user part', 'https://github.com@evil.example/'],
    ['plain http', 'http://github.com/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a non-default port', 'https://github.com:8443/'],
    ['a file: URL', 'file:///etc/passwd'],
    ['the app origin itself', 'app://maillage/../x'],
    ['a Cyrillic lookalike host', 'https://gіthub.com/'],
    ['a trailing-dot host', 'https://github.com./'],
    ['a subdomain of an allowlisted host', 'https://gist.github.com/'],
    ['the bare domain of an allowlisted www host', 'https://cairn.info/'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a protocol-relative URL', '//github.com/'],
    ['not a URL', 'github.com'],
    ['an empty string', ''],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

type NavigationListener = (event: { url: string; preventDefault: () => void }) => void;

function navigate(contents: FakeWebContents, eventName: string, url: string) {
  const preventDefault = vi.fn();
  const listener = contents.listeners(eventName)[0] as NavigationListener | undefined;
  listener?.({ url, preventDefault });
  return preventDefault;
}

function harden() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents, openExternal);
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it('keeps in-app navigations and blocks every other one', () => {
    const { contents, openExternal } = harden();
    expect(navigate(contents, 'will-navigate', 'app://maillage/index.html')).not.toHaveBeenCalled();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toHaveBeenCalledOnce();
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toHaveBeenCalledOnce();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends an allowlisted link to the system browser instead of navigating to it', () => {
    const { contents, openExternal } = harden();
    expect(navigate(contents, 'will-navigate', 'https://github.com/')).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('https://github.com/');
  });

  it('blocks redirects and sub-frame navigations away from the app, without opening them', () => {
    const { contents, openExternal } = harden();
    expect(navigate(contents, 'will-redirect', 'https://github.com/')).toHaveBeenCalledOnce();
    expect(navigate(contents, 'will-frame-navigate', 'https://github.com/')).toHaveBeenCalledOnce();
    expect(navigate(contents, 'will-redirect', 'app://maillage/index.html')).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = harden();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window, opening only allowlisted ones externally', () => {
    const { contents, openExternal } = harden();
    const [[windowOpenHandler]] = contents.setWindowOpenHandler.mock.calls as [[(details: { url: string }) => unknown]];
    expect(windowOpenHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler({ url: 'app://maillage/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(windowOpenHandler({ url: 'https://www.cairn.info/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.cairn.info/');
  });
});
