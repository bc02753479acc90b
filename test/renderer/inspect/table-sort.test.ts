import { describe, expect, it } from 'vitest';

import { nextOrder, sortRows } from '../../../renderer/inspect/table-sort.ts';

const rows = [
  { name: 'b', days: 10, ok: true, note: '' },
  { name: 'a', days: -5, ok: false, note: 'x' },
  { name: 'C', days: 300, ok: true, note: null },
  { name: 'a', days: 2, ok: true, note: 'y' },
];

describe('sortRows', () => {
  it('sorts text by code unit', () => {
    expect(sortRows(rows, { column: 'name', direction: 'ascending' }).map((row) => row.name)).toEqual(['C', 'a', 'a', 'b']);
  });

  it('keeps equal rows in order', () => {
    expect(sortRows(rows, { column: 'name', direction: 'ascending' }).map((row) => row.days)).toEqual([300, -5, 2, 10]);
    expect(sortRows(rows, { column: 'name', direction: 'descending' }).map((row) => row.days)).toEqual([10, -5, 2, 300]);
  });

  it('sorts numbers by value', () => {
    expect(sortRows(rows, { column: 'days', direction: 'ascending' }).map((row) => row.days)).toEqual([-5, 2, 10, 300]);
    expect(sortRows(rows, { column: 'days', direction: 'descending' }).map((row) => row.days)).toEqual([300, 10, 2, -5]);
  });

  it('puts false before true', () => {
    expect(sortRows(rows, { column: 'ok', direction: 'ascending' }).map((row) => row.ok)).toEqual([false, true, true, true]);
  });

  it('puts empty cells last both ways', () => {
    expect(sortRows(rows, { column: 'note', direction: 'ascending' }).map((row) => row.note)).toEqual(['x', 'y', '', null]);
    expect(sortRows(rows, { column: 'note', direction: 'descending' }).map((row) => row.note)).toEqual(['y', 'x', '', null]);
  });
});

describe('nextOrder', () => {
  it('flips the current column and starts a new one ascending', () => {
    expect(nextOrder({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextOrder({ column: 'name', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextOrder({ column: 'name', direction: 'descending' }, 'days')).toEqual({ column: 'days', direction: 'ascending' });
  });
});
