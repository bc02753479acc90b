import { describe, expect, it } from 'vitest';

import { HandleTable, MAX_HANDLES_PER_WINDOW } from '../../../../electron/ipc/screens/handles.ts';
import { IpcHandlerError } from '../../../../electron/ipc/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function notFound(run: () => unknown): IpcHandlerError {
  try {
    run();
  } catch (error) {
    if (error instanceof IpcHandlerError) return error;
    throw error;
  }
  throw new Error('expected a not-found error');
}

describe('HandleTable', () => {
  it('returns the value for its window', () => {
    const table = new HandleTable<string>('file');
    const id = table.add(1, '/tmp/a.mobileconfig');
    expect(id).toMatch(UUID);
    expect(table.get(1, id)).toBe('/tmp/a.mobileconfig');
  });

  it('rejects another window', () => {
    const table = new HandleTable<string>('file');
    const id = table.add(1, '/tmp/a.mobileconfig');
    const error = notFound(() => table.get(2, id));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('This file is no longer known to the app (the list may have been cleared). Choose or drop the file again.');
  });

  it('rejects an unknown id', () => {
    expect(notFound(() => new HandleTable<string>('file').get(1, '0f8fad5b-d9cb-469f-a165-70867728950e')).code).toBe('not-found');
  });

  it('forgets one window only', () => {
    const table = new HandleTable<string>('file');
    const mine = table.add(1, 'a');
    const theirs = table.add(2, 'b');
    table.forgetWindow(1);
    expect(notFound(() => table.get(1, mine)).code).toBe('not-found');
    expect(table.get(2, theirs)).toBe('b');
  });

  it('drops the oldest beyond the limit', () => {
    const table = new HandleTable<number>('file');
    const ids = Array.from({ length: MAX_HANDLES_PER_WINDOW + 2 }, (_, index) => table.add(1, index));
    expect(notFound(() => table.get(1, ids[0])).code).toBe('not-found');
    expect(notFound(() => table.get(1, ids[1])).code).toBe('not-found');
    expect(table.get(1, ids[2])).toBe(2);
    expect(table.get(1, ids.at(-1)!)).toBe(MAX_HANDLES_PER_WINDOW + 1);
  });
});
