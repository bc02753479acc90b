// Two inspected files side by side: every key path that was added, removed or changed, with
// the left file's value and the right file's value.

import { useMemo, useState } from 'react';

import type { JsonValue } from '../../shared/profile/json-value.ts';
import { compareFiles } from './compare.ts';
import { baseName, type InspectedFile } from './inspection-store.ts';

export function CompareView({ first, second, onClose }: { first: InspectedFile; second: InspectedFile; onClose: () => void }) {
  const [swapped, setSwapped] = useState(false);
  const [left, right] = swapped ? [second, first] : [first, second];
  const leftName = baseName(left.report.file);
  const rightName = baseName(right.report.file);
  const comparison = useMemo(() => compareFiles({ name: leftName, xml: left.xml ?? '' }, { name: rightName, xml: right.xml ?? '' }), [left.xml, right.xml, leftName, rightName]);

  return (
    <section className="compare-view" aria-label="Comparison">
      <header className="folder-header">
        <h3>
          Compare <span className="mono">{leftName}</span> with <span className="mono">{rightName}</span>
        </h3>
        <button type="button" onClick={() => setSwapped(!swapped)}>
          Swap Sides
        </button>
        <button type="button" onClick={onClose}>
          Close Comparison
        </button>
      </header>
      {!comparison.ok ? (
        <p className="card-error">{comparison.message}</p>
      ) : comparison.entries.length === 0 ? (
        <p>The two files have the same keys and values.</p>
      ) : (
        <div className="table-scroll">
          <table className="results-table compare-table" aria-label="Differences">
            <thead>
              <tr>
                <th scope="col">Key path</th>
                <th scope="col">Change</th>
                <th scope="col">{leftName}</th>
                <th scope="col">{rightName}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.entries.map((entry, index) => (
                <tr key={index} className={`change-${entry.change}`}>
                  <td className="mono">{entry.path || '(root)'}</td>
                  <td>{entry.change}</td>
                  <td className="mono">{entry.change === 'added' ? '' : describe(entry.oldValue, entry.oldType)}</td>
                  <td className="mono">{entry.change === 'removed' ? '' : describe(entry.newValue, entry.newType)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function describe(value: JsonValue | undefined, type: string | undefined): string {
  let text = '';
  if (typeof value === 'string') text = value;
  else if (value !== undefined) text = JSON.stringify(value);
  return type ? `${text} (${type})` : text;
}
