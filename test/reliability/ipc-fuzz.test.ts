// Every IPC method called with random and malformed arguments, unknown method names, and
// calls from foreign origins, sub-frames and other windows. The dispatcher must return a result
// for every call (never throw), reach a handler only with a request its checker accepts,
// log each rejection, and keep the rejected values (which may be passphrases) out of the log.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createDispatcher, type IpcHandlers } from '../../electron/ipc/dispatch.ts';
import type { SenderInfo, SenderPolicy } from '../../electron/ipc/sender.ts';
import { memoryLogger } from '../../electron/log.ts';
import { IPC_METHODS, REQUEST_CHECKS, isIpcMethod, type IpcMethod } from '../../shared/ipc/contract.ts';

const ORIGIN = 'app://mobileconfig-studio';
const WINDOW_ID = 7;
const policy: SenderPolicy = { allowedOrigins: [ORIGIN], isOurWindow: (id) => id === WINDOW_ID };
const OUR_SENDER: SenderInfo = { webContentsId: WINDOW_ID, isMainFrame: true, frameUrl: `${ORIGIN}/index.html` };

/** A value that must never reach the log: it stands for a passphrase in a rejected request. */
const MARKER = 'Marker-Secret-7c1f9e';

/** Handlers that record their calls and return null. */
function recordingHandlers(): { handlers: IpcHandlers; calls: { method: string; request: unknown }[] } {
  const calls: { method: string; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    IPC_METHODS.map((method) => [
      method,
      async (request: unknown) => {
        calls.push({ method, request });
        return null;
      },
    ]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

/** Random requests: any value, and objects whose fields hold the marker in odd types and lengths. */
const requestArbitrary = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.dictionary(
    fc.constantFrom('documentId', 'text', 'filePath', 'passphrase', 'fileId', 'identityId', 'title', 'edited', 'paths', 'folder', 'extra'),
    fc.oneof(
      fc.constant(MARKER),
      fc.string().map((text) => `${text}${MARKER}`),
      fc.constant(MARKER.repeat(20_000)),
      fc.array(fc.constant(MARKER), { maxLength: 3 }),
      fc.constant({ nested: MARKER }),
      fc.integer(),
      fc.constant(null),
    ),
  ),
);

describe('IPC dispatcher under random calls', () => {
  it('checks every request before a handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_METHODS), requestArbitrary, async (method, request) => {
        const logger = memoryLogger();
        const { handlers, calls } = recordingHandlers();
        const result = await createDispatcher(handlers, policy, logger)(method, request, OUR_SENDER);
        const problem = REQUEST_CHECKS[method as IpcMethod](request, 'request');

        if (problem === null) {
          expect(result).toEqual({ ok: true, value: null });
          expect(calls).toEqual([{ method, request }]);
          return;
        }
        expect(result.ok).toBe(false);
        expect(result.ok === false && result.error.code).toBe('invalid-argument');
        expect(calls).toEqual([]);
        expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
        expect(JSON.stringify(logger.lines)).not.toContain(MARKER);
        expect(JSON.stringify(result)).not.toContain(MARKER);
      }),
      { numRuns: 3000, seed: 1234 },
    );
  });

  it('rejects unknown methods', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'document.open '), fc.anything()), async (method) => {
        fc.pre(!isIpcMethod(method));
        const logger = memoryLogger();
        const { handlers, calls } = recordingHandlers();
        const result = await createDispatcher(handlers, policy, logger)(method, {}, OUR_SENDER);
        expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: 'The app asked for an operation that does not exist.' } });
        expect(calls).toEqual([]);
        expect(logger.lines).toHaveLength(1);
        expect(String(logger.lines[0].fields.method).length).toBeLessThanOrEqual(60);
      }),
      { numRuns: 1000, seed: 99 },
    );
  });

  it('rejects foreign senders', async () => {
    const urlArbitrary = fc.oneof(
      fc.webUrl(),
      fc.constantFrom('', 'about:blank', 'file:///etc/passwd', 'app://mobileconfig-studio.evil/index.html', 'app://evil/index.html', 'data:text/html,x', 'javascript:alert(1)', `${ORIGIN}:8080/`),
      fc.string(),
    );
    const senderArbitrary = fc.record({ webContentsId: fc.oneof(fc.constant(WINDOW_ID), fc.integer()), isMainFrame: fc.boolean(), frameUrl: fc.oneof(fc.constant(OUR_SENDER.frameUrl), urlArbitrary) });

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_METHODS), senderArbitrary, async (method, sender) => {
        const allowed = sender.webContentsId === WINDOW_ID && sender.isMainFrame && schemeAndHost(sender.frameUrl) === ORIGIN;
        fc.pre(!allowed);
        const logger = memoryLogger();
        const { handlers, calls } = recordingHandlers();
        const result = await createDispatcher(handlers, policy, logger)(method, { passphrase: MARKER }, sender);
        expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: 'This page is not allowed to use the app’s functions.' } });
        expect(calls).toEqual([]);
        expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
        expect(JSON.stringify(logger.lines)).not.toContain(MARKER);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});

/** Returns `scheme://host` of a URL, or null when it does not parse. */
function schemeAndHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
