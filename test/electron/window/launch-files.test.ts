import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { filesFromArguments } from '../../../electron/window/launch-files.ts';

describe('filesFromArguments', () => {
  it('keeps existing files and skips switches', () => {
    const existing = new Set([path.resolve('/home/a/Wi-Fi.mobileconfig'), path.resolve('/tmp/b.mobileconfig')]);
    const files = filesFromArguments(
      ['--allow-file-access-from-files', 'Wi-Fi.mobileconfig', '/tmp/b.mobileconfig', 'missing.mobileconfig', '-psn_0_123'],
      '/home/a',
      (file) => existing.has(file),
    );
    expect(files).toEqual([path.resolve('/home/a/Wi-Fi.mobileconfig'), path.resolve('/tmp/b.mobileconfig')]);
  });

  it('skips the app folder argument', () => {
    expect(filesFromArguments(['.'], '/home/a', () => true)).toEqual([]);
  });
});
