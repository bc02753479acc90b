import { describe, expect, it } from 'vitest';

import { IpcHandlerError } from '../../../electron/ipc/errors.ts';
import { createDispatcher, toIpcError, type IpcHandlers } from '../../../electron/ipc/dispatch.ts';
import type { SenderInfo, SenderPolicy } from '../../../electron/ipc/sender.ts';
import { memoryLogger } from '../../../electron/log.ts';
import { PlistError } from '../../../shared/plist/errors.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const policy: SenderPolicy = { allowedOrigins: ['app://mobileconfig-studio'], isOurWindow: (id) => id === 7 };
const good: SenderInfo = { webContentsId: 7, isMainFrame: true, frameUrl: 'app://mobileconfig-studio/index.html' };

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const base = Object.fromEntries(
    ['app.startup', 'document.create', 'document.open', 'document.openRecent', 'document.save', 'document.saveAs', 'document.setEdited', 'document.close', 'draft.write', 'draft.restore', 'draft.discard', 'recent.list', 'recent.clear', 'schemas.loadFolder', 'window.close'].map((m) => [m, notUsed]),
  );
  return { ...base, ...overrides } as IpcHandlers;
}

describe('createDispatcher', () => {
  it('calls the handler with the request and the sender id', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        'document.setEdited': async (request, context) => {
          calls.push([request, context]);
          return null;
        },
      }),
      policy,
      memoryLogger(),
    );
    const result = await dispatch('document.setEdited', { documentId: ID, edited: true, title: 'A' }, good);
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([[{ documentId: ID, edited: true, title: 'A' }, { webContentsId: 7 }]]);
  });

  it('rejects an unknown method', async () => {
    const logger = memoryLogger();
    const result = await createDispatcher(handlers(), policy, logger)('fs.readFile', {}, good);
    expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: 'The app asked for an operation that does not exist.' } });
    expect(logger.lines[0].fields.method).toBe('fs.readFile');
  });

  it('rejects a foreign sender before reading arguments', async () => {
    const logger = memoryLogger();
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'recent.list': async () => {
          called = true;
          return [];
        },
      }),
      policy,
      logger,
    );
    const result = await dispatch('recent.list', {}, { ...good, frameUrl: 'https://attacker.test/' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('forbidden-sender');
    expect(called).toBe(false);
    expect(logger.lines[0].message).toBe("rejected IPC call: the caller origin https://attacker.test is not the app's");
  });

  it('rejects invalid arguments and logs no value', async () => {
    const logger = memoryLogger();
    const result = await createDispatcher(handlers(), policy, logger)('draft.write', { documentId: ID, text: 42, secret: 'p4ssw0rd' }, good);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'Invalid request to draft.write: request has an unexpected field "secret".' } });
    expect(JSON.stringify(logger.lines)).not.toContain('p4ssw0rd');
  });

  it('wraps handler errors with their code', async () => {
    const dispatch = createDispatcher(
      handlers({
        'document.openRecent': async () => {
          throw new IpcHandlerError('not-found', 'gone');
        },
        'draft.restore': async () => {
          throw new PlistError('bad tag', { file: 'a.mobileconfig', line: 3, column: 1 });
        },
        'recent.list': async () => {
          throw new TypeError('x is undefined');
        },
      }),
      policy,
      memoryLogger(),
    );
    expect(await dispatch('document.openRecent', { filePath: '/x' }, good)).toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
    expect(await dispatch('draft.restore', { documentId: ID }, good)).toEqual({ ok: false, error: { code: 'invalid-document', message: 'a.mobileconfig:3:1: bad tag' } });
    expect(await dispatch('recent.list', {}, good)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'An unexpected error happened in the app. Details are in the log.' },
    });
  });

  it('maps file system errors to file-error', async () => {
    const dispatch = createDispatcher(
      handlers({
        'document.openRecent': async () => {
          throw Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), { code: 'ENOENT' });
        },
      }),
      policy,
      memoryLogger(),
    );
    expect(await dispatch('document.openRecent', { filePath: '/x' }, good)).toEqual({
      ok: false,
      error: { code: 'file-error', message: "ENOENT: no such file or directory, open '/x'" },
    });
  });
});

describe('toIpcError', () => {
  it('maps expected service errors by name', () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(toIpcError(named('DocumentOpenError', '/p/a.mobileconfig: line 3: bad'))).toEqual({ code: 'invalid-document', message: '/p/a.mobileconfig: line 3: bad' });
    expect(toIpcError(named('NotInRecentListError', 'not in list'))).toEqual({ code: 'not-found', message: 'not in list' });
    expect(toIpcError(named('FileWriteError', 'disk full'))).toEqual({ code: 'file-error', message: 'disk full' });
  });

  it('hides unexpected errors', () => {
    expect(toIpcError(new RangeError('secret detail'))).toEqual({ code: 'internal', message: 'An unexpected error happened in the app. Details are in the log.' });
  });
});
