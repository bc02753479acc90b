// Sorting of the folder result tables by a column.

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder<K extends string> {
  readonly column: K;
  readonly direction: SortDirection;
}

type Cell = string | number | boolean | null | undefined;

/**
 * Returns the rows sorted by `order.column`: numbers by value, false before true, text by
 * code unit (the same order on every machine). Empty cells go last in either direction, and
 * rows with equal cells keep their order.
 */
export function sortRows<K extends string, R extends { readonly [key in K]: Cell }>(rows: readonly R[], order: SortOrder<K>): R[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[order.column];
      const y = b.row[order.column];
      const xEmpty = x === null || x === undefined || x === '';
      const yEmpty = y === null || y === undefined || y === '';
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? a.index - b.index : xEmpty ? 1 : -1;
      return sign * compareCells(x, y) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Returns the order after a click on `column`: the other direction for the current column, ascending for a new one. */
export function nextOrder<K extends string>(current: SortOrder<K>, column: K): SortOrder<K> {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

function compareCells(x: string | number | boolean, y: string | number | boolean): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  const a = String(x);
  const b = String(y);
  return a === b ? 0 : a < b ? -1 : 1;
}
