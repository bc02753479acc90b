// The card of a device's attribute response from over-the-air enrolment: the device, its
// attributes, whether a challenge was sent (never its value), and the device's signature.

import type { InspectReport } from '../../../shared/report/inspect-report.ts';
import { SignatureSection } from '../parts/SignatureBadges.tsx';

export function DeviceAttributesCard({ report }: { report: InspectReport }) {
  const description = report.deviceAttributes;
  if (!description) return null;
  return (
    <>
      <p>
        {description.title}
        {description.deviceId ? (
          <>
            {' '}
            — device <span className="mono">{description.deviceId}</span>
          </>
        ) : null}
      </p>
      <table className="results-table" aria-label="Device attributes">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Meaning</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {description.attributes.map((attribute) => (
            <tr key={attribute.name}>
              <td className="mono">{attribute.name}</td>
              <td>{attribute.label ?? 'not a known attribute'}</td>
              <td className="mono">{attribute.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Challenge: {description.challenge === 'absent' ? 'none' : `present as ${description.challenge} (not shown)`}
        {description.unknownKeys.length > 0 ? `. Unknown keys: ${description.unknownKeys.join(', ')}` : ''}
      </p>
      <SignatureSection report={report} />
    </>
  );
}
