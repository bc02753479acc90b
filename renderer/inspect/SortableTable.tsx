// A table whose column headers sort it (click again for the other direction).

import { useMemo, useState, type ReactNode } from 'react';

import { nextOrder, sortRows, type SortOrder } from './table-sort.ts';

type Cell = string | number | boolean | null | undefined;

export interface Column<K extends string, R> {
  readonly key: K;
  readonly label: string;
  /** The cell's content; the raw value when absent. */
  readonly render?: (row: R) => ReactNode;
}

export function SortableTable<K extends string, R extends { readonly [key in K]: Cell }>({
  rows,
  columns,
  initial,
  label,
  rowKey,
}: {
  rows: readonly R[];
  columns: readonly Column<K, R>[];
  initial: SortOrder<K>;
  label: string;
  rowKey: (row: R) => string;
}) {
  const [order, setOrder] = useState(initial);
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  return (
    <div className="table-scroll">
      <table className="results-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" aria-sort={order.column === column.key ? order.direction : 'none'}>
                <button type="button" className="sort-button" onClick={() => setOrder(nextOrder(order, column.key))}>
                  {column.label}
                  <span aria-hidden="true">{sortMark(order, column.key)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key}>{column.render ? column.render(row) : formatCell(row[column.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sortMark<K extends string>(order: SortOrder<K>, column: K): string {
  if (order.column !== column) return '';
  return order.direction === 'ascending' ? ' ▲' : ' ▼';
}

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
