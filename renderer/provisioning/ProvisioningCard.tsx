// The card of an app provisioning profile: app, team and type, expiry, devices (searchable),
// entitlements and developer certificates.

import { useId, useState } from 'react';

import type { DeveloperCertificateFacts, ProvisioningProfileFacts } from '../../shared/provisioning/model.ts';
import type { InspectReport } from '../../shared/report/inspect-report.ts';
import { SignatureBadges } from '../inspect/parts/SignatureBadges.tsx';
import { StatusBadge } from '../inspect/parts/StatusBadge.tsx';
import { JsonTree } from '../inspect/parts/ValueTrees.tsx';
import { expiresIn } from '../inspect/parts/ExpiryBadge.tsx';
import { formatFingerprint, formatUtc } from '../inspect/parts/fingerprint.ts';

/** Days before expiry from which the card marks a profile as expiring, as the folder report does by default. */
export const PROFILE_EXPIRING_DAYS = 30;

/** Devices shown before the list needs a search to narrow it. */
const MAX_LISTED_DEVICES = 200;

export function ProvisioningCard({ report }: { report: InspectReport }) {
  const facts = report.provisioning;
  if (!facts) return null;
  return (
    <>
      <dl className="fact-grid">
        <dt>Name</dt>
        <dd>{facts.name ?? '—'}</dd>
        <dt>App ID</dt>
        <dd className="mono">{facts.appId ?? '—'}</dd>
        <dt>Team</dt>
        <dd>{[facts.teamName, facts.teamIdentifiers.join(', ')].filter(Boolean).join(' — ') || '—'}</dd>
        <dt>Type</dt>
        <dd>
          {typeLabel(facts.type)} <span className="hint">({facts.typeReason})</span>
        </dd>
        <dt>Platforms</dt>
        <dd>{facts.platforms.join(', ') || '—'}</dd>
        <dt>UUID</dt>
        <dd className="mono">{facts.uuid}</dd>
        <dt>Created</dt>
        <dd>{facts.creationDate ? formatUtc(facts.creationDate) : '—'}</dd>
        <dt>Expires</dt>
        <dd>
          {formatUtc(facts.expirationDate)} <ProfileExpiryBadge facts={facts} />
        </dd>
      </dl>

      {report.signature ? (
        <section className="card-section" aria-label="Signature">
          <h4>Apple signature</h4>
          <SignatureBadges signature={report.signature} />
        </section>
      ) : null}

      <DeviceList facts={facts} />

      <section className="card-section" aria-label="Entitlements">
        <h4>Entitlements</h4>
        <JsonTree value={facts.entitlements} label="Entitlements" />
      </section>

      <section className="card-section" aria-label="Developer certificates">
        <h4>Developer certificates ({facts.certificates.length})</h4>
        {facts.allCertificatesExpired ? <p className="card-error">Every developer certificate has expired: no one can sign an app with this profile.</p> : null}
        <ol className="certificate-list">
          {facts.certificates.map((certificate) => (
            <DeveloperCertificate key={certificate.index} certificate={certificate} />
          ))}
        </ol>
      </section>
    </>
  );
}

export function ProfileExpiryBadge({ facts }: { facts: Pick<ProvisioningProfileFacts, 'expired' | 'daysLeft'> }) {
  if (facts.expired) return <StatusBadge tone="bad" label="Expired" />;
  if (facts.daysLeft < PROFILE_EXPIRING_DAYS) return <StatusBadge tone="warning" label={expiresIn(facts.daysLeft)} />;
  return <StatusBadge tone="good" label={expiresIn(facts.daysLeft)} />;
}

function DeviceList({ facts }: { facts: ProvisioningProfileFacts }) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  if (facts.provisionsAllDevices) {
    return (
      <section className="card-section" aria-label="Devices">
        <h4>Devices</h4>
        <p>All devices (ProvisionsAllDevices): the profile runs on any device of the enterprise.</p>
      </section>
    );
  }

  const needle = query.trim().toLowerCase();
  const matching = needle === '' ? facts.devices : facts.devices.filter((udid) => udid.toLowerCase().includes(needle));
  return (
    <section className="card-section" aria-label="Devices">
      <h4>Devices ({facts.devices.length})</h4>
      {facts.devices.length === 0 ? (
        <p className="hint">No ProvisionedDevices: an App Store profile runs on any device that installs the app from the store.</p>
      ) : (
        <>
          <label htmlFor={searchId} className="sr-only">
            Search devices
          </label>
          <input id={searchId} type="search" className="input device-search" placeholder="Search UDIDs" value={query} onChange={(event) => setQuery(event.target.value)} />
          <p className="hint" aria-live="polite">
            {needle === '' ? `${facts.devices.length} devices` : `${matching.length} of ${facts.devices.length} devices match`}
          </p>
          <ul className="device-list mono" aria-label="Device UDIDs">
            {matching.slice(0, MAX_LISTED_DEVICES).map((udid) => (
              <li key={udid}>{udid}</li>
            ))}
          </ul>
          {matching.length > MAX_LISTED_DEVICES ? <p className="hint">{matching.length - MAX_LISTED_DEVICES} more; search to narrow the list.</p> : null}
        </>
      )}
    </section>
  );
}

function DeveloperCertificate({ certificate }: { certificate: DeveloperCertificateFacts }) {
  return (
    <li className="certificate-item">
      <div className="certificate-subject">
        <span className="mono">{certificate.commonName ?? certificate.subject}</span>{' '}
        {certificate.expired ? <StatusBadge tone="bad" label="Expired" /> : <StatusBadge tone={certificate.daysLeft < PROFILE_EXPIRING_DAYS ? 'warning' : 'good'} label={expiresIn(certificate.daysLeft)} />}
      </div>
      <dl className="fact-grid">
        <dt>Team</dt>
        <dd>{certificate.team ?? '—'}</dd>
        <dt>Issuer</dt>
        <dd className="mono">{certificate.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {formatUtc(certificate.notBefore)} to {formatUtc(certificate.notAfter)}
        </dd>
        <dt>Serial</dt>
        <dd className="mono">{certificate.serialNumber}</dd>
        <dt>SHA-1</dt>
        <dd className="mono fingerprint">{formatFingerprint(certificate.sha1)}</dd>
        <dt>SHA-256</dt>
        <dd className="mono fingerprint">{formatFingerprint(certificate.sha256)}</dd>
      </dl>
    </li>
  );
}

export function typeLabel(type: ProvisioningProfileFacts['type']): string {
  switch (type) {
    case 'development':
      return 'Development';
    case 'ad-hoc':
      return 'Ad hoc';
    case 'app-store':
      return 'App Store';
    case 'enterprise':
      return 'Enterprise (in-house)';
    case 'developer-id':
      return 'Developer ID';
    default: {
      const unknown: never = type;
      return String(unknown);
    }
  }
}
