import { describe, expect, it } from 'vitest';

import { originOf, senderRefusal, type SenderPolicy } from '../../../electron/ipc/sender.ts';

const policy: SenderPolicy = { allowedOrigins: ['app://mobileconfig-studio'], isOurWindow: (id) => id === 1 };

describe('senderRefusal', () => {
  it('accepts the main frame of our window', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: true, frameUrl: 'app://mobileconfig-studio/index.html' }, policy)).toBeNull();
  });

  it('rejects a sub-frame', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: false, frameUrl: 'app://mobileconfig-studio/index.html' }, policy)).toBe('the caller is a sub-frame');
  });

  it('rejects a foreign origin', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: true, frameUrl: 'https://example.com/' }, policy)).toBe(
      "the caller origin https://example.com is not the app's",
    );
  });

  it('rejects a look-alike host', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: true, frameUrl: 'app://mobileconfig-studio.evil/index.html' }, policy)).toBe(
      "the caller origin app://mobileconfig-studio.evil is not the app's",
    );
  });

  it('rejects file URLs', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: true, frameUrl: 'file:///tmp/index.html' }, policy)).toBe('the caller URL is not a valid URL');
  });

  it('rejects another window', () => {
    expect(senderRefusal({ webContentsId: 2, isMainFrame: true, frameUrl: 'app://mobileconfig-studio/index.html' }, policy)).toBe(
      'the caller is not one of the app windows',
    );
  });

  it('rejects an empty URL', () => {
    expect(senderRefusal({ webContentsId: 1, isMainFrame: true, frameUrl: '' }, policy)).toBe('the caller URL is not a valid URL');
  });
});

describe('originOf', () => {
  it('builds custom scheme origins', () => {
    expect(originOf('app://mobileconfig-studio/a/b.html')).toBe('app://mobileconfig-studio');
  });

  it('keeps http ports', () => {
    expect(originOf('http://127.0.0.1:5173/index.html')).toBe('http://127.0.0.1:5173');
  });
});
