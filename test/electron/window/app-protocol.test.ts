import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { APP_ENTRY_URL, contentTypeOf, resolveAppFile } from '../../../electron/window/app-protocol.ts';

const root = path.resolve('/opt/app/dist/renderer');

describe('resolveAppFile', () => {
  it('maps the entry URL to index.html', () => {
    expect(APP_ENTRY_URL).toBe('app://mobileconfig-studio/index.html');
    expect(resolveAppFile(APP_ENTRY_URL, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://mobileconfig-studio/', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps assets below the root', () => {
    expect(resolveAppFile('app://mobileconfig-studio/assets/index-abc.js?v=1', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('keeps dot segments inside the root', () => {
    // The URL parser resolves `%2e%2e` segments against the root path before we see them.
    expect(resolveAppFile('app://mobileconfig-studio/%2e%2e/%2e%2e/etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('rejects encoded slashes that leave the root', () => {
    expect(resolveAppFile('app://mobileconfig-studio/..%2f..%2fmain.js', root)).toBeNull();
  });

  it('rejects other hosts and schemes', () => {
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///opt/app/dist/renderer/index.html', root)).toBeNull();
  });

  it('rejects malformed escapes and NUL', () => {
    expect(resolveAppFile('app://mobileconfig-studio/%E0%A4%A', root)).toBeNull();
    expect(resolveAppFile('app://mobileconfig-studio/index.html%00.js', root)).toBeNull();
  });
});

describe('contentTypeOf', () => {
  it('types scripts, styles and fonts', () => {
    expect(contentTypeOf('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/codicon.ttf')).toBe('font/ttf');
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});
