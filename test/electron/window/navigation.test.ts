import { describe, expect, it } from 'vitest';

import { loopbackDevServer } from '../../../electron/window/navigation.ts';

describe('loopbackDevServer', () => {
  it('accepts loopback http origins', () => {
    expect(loopbackDevServer('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(loopbackDevServer('http://localhost:5173')).toBe('http://localhost:5173');
    expect(loopbackDevServer('http://[::1]:5173')).toBe('http://[::1]:5173');
  });

  it('rejects other hosts and schemes', () => {
    expect(loopbackDevServer('http://192.168.1.5:5173')).toBeNull();
    expect(loopbackDevServer('https://127.0.0.1:5173')).toBeNull();
    expect(loopbackDevServer('http://127.0.0.1.example.com:5173')).toBeNull();
    expect(loopbackDevServer('not a url')).toBeNull();
    expect(loopbackDevServer(undefined)).toBeNull();
  });
});
