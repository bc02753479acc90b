import { describe, expect, it } from 'vitest';

import { closeGroup, emptyHistory, GROUP_WINDOW_MS, MAX_HISTORY, recordEdit, redo, undo } from '../../../renderer/store/history.ts';

describe('recordEdit', () => {
  it('merges a group within the window', () => {
    let history = emptyHistory<string>();
    history = recordEdit(history, 'a', 'field:URL', 1000);
    history = recordEdit(history, 'ab', 'field:URL', 1000 + GROUP_WINDOW_MS);
    expect(history.past.map((e) => e.state)).toEqual(['a']);
  });

  it('splits after the window', () => {
    let history = emptyHistory<string>();
    history = recordEdit(history, 'a', 'xml', 1000);
    history = recordEdit(history, 'ab', 'xml', 1001 + GROUP_WINDOW_MS);
    expect(history.past.map((e) => e.state)).toEqual(['a', 'ab']);
  });

  it('splits different groups', () => {
    let history = emptyHistory<string>();
    history = recordEdit(history, 'a', 'field:URL', 1000);
    history = recordEdit(history, 'b', 'xml', 1001);
    history = recordEdit(history, 'c', null, 1002);
    history = recordEdit(history, 'd', null, 1003);
    expect(history.past.map((e) => e.state)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('splits after closeGroup', () => {
    let history = recordEdit(emptyHistory<string>(), 'a', 'xml', 1000);
    history = closeGroup(history);
    history = recordEdit(history, 'b', 'xml', 1001);
    expect(history.past).toHaveLength(2);
  });

  it('clears redo', () => {
    let history = recordEdit(emptyHistory<string>(), 'a', null, 0);
    history = undo(history, 'b')!.history;
    expect(history.future).toHaveLength(1);
    history = recordEdit(history, 'a', null, 1);
    expect(history.future).toHaveLength(0);
  });

  it('drops the oldest beyond the limit', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < MAX_HISTORY + 5; i++) history = recordEdit(history, i, null, i);
    expect(history.past).toHaveLength(MAX_HISTORY);
    expect(history.past[0].state).toBe(5);
  });
});

describe('undo and redo', () => {
  it('walk back and forth', () => {
    let history = emptyHistory<string>();
    history = recordEdit(history, 'v1', null, 0);
    history = recordEdit(history, 'v2', null, 1);
    const first = undo(history, 'v3')!;
    expect(first.state).toBe('v2');
    const second = undo(first.history, 'v2')!;
    expect(second.state).toBe('v1');
    expect(undo(second.history, 'v1')).toBeNull();
    const again = redo(second.history, 'v1')!;
    expect(again.state).toBe('v2');
    expect(redo(redo(again.history, 'v2')!.history, 'v3')).toBeNull();
  });
});
