// Certificates with subject, issuer, validity, key type, serial number and SHA-256 fingerprint.

import type { CertificateSummary } from '../../../shared/cms/index.ts';
import { expiryStatus } from '../../../shared/keystore/summaries.ts';
import { ExpiryBadge } from './ExpiryBadge.tsx';
import { formatFingerprint, formatUtc } from './fingerprint.ts';

export function CertificateList({ certificates, label, now = new Date() }: { certificates: readonly CertificateSummary[]; label: string; now?: Date }) {
  if (certificates.length === 0) return null;
  return (
    <ol className="certificate-list" aria-label={label}>
      {certificates.map((certificate, index) => (
        <li key={`${certificate.sha256}-${index}`} className="certificate-item">
          <CertificateFacts certificate={certificate} now={now} />
        </li>
      ))}
    </ol>
  );
}

export function CertificateFacts({ certificate, now = new Date() }: { certificate: CertificateSummary; now?: Date }) {
  return (
    <>
      <div className="certificate-subject">
        <span className="mono">{certificate.subject}</span> <ExpiryBadge expiry={expiryStatus(certificate, now)} />
      </div>
      <dl className="fact-grid">
        <dt>Issuer</dt>
        <dd className="mono">{certificate.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {formatUtc(certificate.notBefore)} to {formatUtc(certificate.notAfter)}
        </dd>
        <dt>Key</dt>
        <dd>{certificate.keyType}</dd>
        <dt>Serial</dt>
        <dd className="mono">{certificate.serialNumber}</dd>
        <dt>SHA-256</dt>
        <dd className="mono fingerprint">{formatFingerprint(certificate.sha256)}</dd>
      </dl>
    </>
  );
}
