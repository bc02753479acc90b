// One inspected file: a header with its name, kind and format, and the body for its kind. A
// file that could not be read gets a card with the specific problem.

import { useId } from 'react';

import { ProvisioningCard } from '../../provisioning/ProvisioningCard.tsx';
import { useInspection, useScreens } from '../../screens/screens-context.ts';
import { baseName, type InspectedFile } from '../inspection-store.ts';
import { containerLabel, kindLabel } from './card-labels.ts';
import { DeviceAttributesCard } from './DeviceAttributesCard.tsx';
import { CertificateFileCard, IdentityFileCard } from './KeyFileCards.tsx';
import { PlistCard } from './PlistCard.tsx';

export function InspectionCard({ file }: { file: InspectedFile }) {
  const { inspection } = useScreens();
  const { report } = file;
  const titleId = useId();
  const comparing = useInspection((s) => s.compareIds.includes(file.inspectionId));
  const name = baseName(report.file);

  if (!report.ok || !report.kind) {
    return (
      <article className="inspection-card broken" aria-labelledby={titleId}>
        <header className="card-header">
          <h3 id={titleId}>{name}</h3>
          <span className="card-kind">Not readable</span>
          <span className="card-header-actions">
            <RemoveButton name={name} onRemove={() => inspection.getState().removeFile(file.inspectionId)} />
          </span>
        </header>
        <p className="card-error" role="alert">
          {name} could not be read: {report.error ?? 'the file is not a profile, plist, provisioning profile, certificate or identity'}.
        </p>
        <p className="hint mono">{report.file}</p>
      </article>
    );
  }

  return (
    <article className={`inspection-card kind-${report.kind}`} aria-labelledby={titleId}>
      <header className="card-header">
        <h3 id={titleId}>{name}</h3>
        <span className="card-kind">{kindLabel(report.kind)}</span>
        {report.container ? <span className="card-format">{containerLabel(report)}</span> : null}
        <span className="card-header-actions">
          {file.xml !== null ? (
            <label className="compare-toggle">
              <input type="checkbox" checked={comparing} onChange={() => inspection.getState().toggleCompare(file.inspectionId)} /> Compare
            </label>
          ) : null}
          <RemoveButton name={name} onRemove={() => inspection.getState().removeFile(file.inspectionId)} />
        </span>
      </header>
      <p className="hint mono card-path">{report.file}</p>
      {report.kind !== 'identity' && report.warnings.length > 0 ? (
        <ul className="card-warnings" aria-label="Warnings">
          {report.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <CardBody file={file} />
    </article>
  );
}

function CardBody({ file }: { file: InspectedFile }) {
  const kind = file.report.kind;
  switch (kind) {
    case 'profile':
    case 'stub':
    case 'plist':
      return <PlistCard file={file} />;
    case 'provisioning':
      return <ProvisioningCard report={file.report} />;
    case 'device-attributes':
      return <DeviceAttributesCard report={file.report} />;
    case 'certificate':
      return <CertificateFileCard file={file} />;
    case 'identity':
      return <IdentityFileCard file={file} />;
    case undefined:
      return null;
    default: {
      const unknown: never = kind;
      return <p>{String(unknown)}</p>;
    }
  }
}

function RemoveButton({ name, onRemove }: { name: string; onRemove: () => void }) {
  return (
    <button type="button" className="icon-button card-remove" aria-label={`Remove ${name} from the list`} onClick={onRemove}>
      ✕
    </button>
  );
}
