// Validation findings of an inspected profile, with severity and key path.

import type { Diagnostic } from '../../../shared/validation/index.ts';

export function FindingsList({ findings }: { findings: readonly Diagnostic[] }) {
  if (findings.length === 0) return <p className="hint">No validation findings.</p>;
  return (
    <ul className="findings" aria-label="Validation findings">
      {findings.map((finding, index) => (
        <li key={index} className={`finding severity-${finding.severity}`}>
          <span className="severity-label">{finding.severity}</span> {finding.message}
          {finding.path ? <span className="mono finding-path"> {finding.path}</span> : null}
          {finding.line !== undefined ? <span className="hint"> (line {finding.line})</span> : null}
        </li>
      ))}
    </ul>
  );
}
