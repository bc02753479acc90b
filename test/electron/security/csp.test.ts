import { describe, expect, it } from 'vitest';

import { developmentCsp, productionCsp } from '../../../electron/security/csp.ts';

describe('productionCsp', () => {
  it('allows scripts from the app only', () => {
    expect(productionCsp()).toBe(
      "default-src 'none'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });

  it('never allows eval', () => {
    expect(productionCsp()).not.toContain('unsafe-eval');
    expect(developmentCsp('http://127.0.0.1:5173')).not.toContain('unsafe-eval');
  });
});

describe('developmentCsp', () => {
  it('adds the dev server socket', () => {
    const csp = developmentCsp('http://127.0.0.1:5173');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
  });
});
