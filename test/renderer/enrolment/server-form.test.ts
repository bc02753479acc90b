import { describe, expect, it } from 'vitest';

import { isLoopbackHost, newServerDraft, serverRequestOf } from '../../../renderer/enrolment/server-form.ts';

const shared = { provisioning: 'none' as const, attributes: ['UDID'], challenge: '', editorDocument: null };

describe('isLoopbackHost', () => {
  it('accepts loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.10.0.2', '::1', 'localhost', ' LOCALHOST ']) expect(isLoopbackHost(host)).toBe(true);
  });

  it('rejects other addresses', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', '127.0.0.1.example.com', '']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('serverRequestOf', () => {
  it('builds the default request', () => {
    expect(serverRequestOf(newServerDraft(), shared)).toEqual({ ok: true, request: { host: '127.0.0.1', port: 8080, provisioning: 'none', attributes: ['UDID'], finalProfile: { source: 'default' } } });
  });

  it('trims the typed address', () => {
    const result = serverRequestOf({ ...newServerDraft(), host: ' 192.168.1.20 ', port: ' 0 ' }, shared);
    if (!result.ok) throw new Error(result.problems.join(' '));
    expect(result.request.host).toBe('192.168.1.20');
    expect(result.request.port).toBe(0);
  });

  it('lists each problem', () => {
    const result = serverRequestOf({ ...newServerDraft(), host: '', port: 'http' }, { ...shared, provisioning: 'custom' });
    expect(result).toEqual({ ok: false, problems: ['Enter the address to listen on, such as 127.0.0.1.', 'Enter a port from 0 to 65535 (0 picks a free port).'] });
  });

  it('rejects a zero challenge lifetime', () => {
    const draft = newServerDraft();
    const result = serverRequestOf({ ...draft, rules: { ...draft.rules, challengeLifetimeMinutes: '0' } }, { ...shared, provisioning: 'custom' });
    expect(result).toEqual({ ok: false, problems: ['Enter the challenge lifetime as a whole number of minutes.'] });
  });

  it('needs an open document for the editor profile', () => {
    const result = serverRequestOf({ ...newServerDraft(), finalProfile: 'editor' }, shared);
    expect(result).toEqual({ ok: false, problems: ['No document is open in the editor; choose another final profile.'] });
  });

  it('leaves the challenge out under none', () => {
    const result = serverRequestOf(newServerDraft(), { ...shared, challenge: 'token' });
    if (!result.ok) throw new Error(result.problems.join(' '));
    expect(result.request.sharedChallenge).toBeUndefined();
  });
});
