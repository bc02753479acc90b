// The certificate manager: signing and decryption identities, the device certificates profiles
// are encrypted for, and where the app keeps them.

import { useEffect } from 'react';

import type { IdentitySummary, RecipientSummary } from '../../shared/keystore/summaries.ts';
import { ExpiryBadge } from '../inspect/parts/ExpiryBadge.tsx';
import { formatFingerprint, formatUtc } from '../inspect/parts/fingerprint.ts';
import { StatusBadge } from '../inspect/parts/StatusBadge.tsx';
import { useServices } from '../app/context.ts';
import { useCertificates, useScreens } from '../screens/screens-context.ts';

export function CertificateManager() {
  const { certificates } = useScreens();
  const identities = useCertificates((s) => s.identities);
  const recipients = useCertificates((s) => s.recipients);
  const busy = useCertificates((s) => s.busy);

  useEffect(() => {
    void certificates.getState().refresh();
  }, [certificates]);

  return (
    <main className="screen certificate-screen" aria-label="Certificates and identities">
      <div className="screen-bar">
        <h2>Certificates and Identities</h2>
      </div>
      <PersistenceNote />

      <section className="certificate-section" aria-labelledby="identities-title">
        <header className="folder-header">
          <h3 id="identities-title">Identities ({identities.length})</h3>
          <span className="hint">A certificate with its private key, for signing profiles and decrypting them.</span>
          <button type="button" disabled={busy} onClick={() => void certificates.getState().importPkcs12()}>
            Import .p12…
          </button>
          <button type="button" disabled={busy} onClick={() => void certificates.getState().importPem()}>
            Import PEM Certificate and Key…
          </button>
        </header>
        {identities.length === 0 ? <p className="hint">No identities yet.</p> : <CertificateTable rows={identities} label="Identities" kind="identity" />}
      </section>

      <section className="certificate-section" aria-labelledby="recipients-title">
        <header className="folder-header">
          <h3 id="recipients-title">Device certificates ({recipients.length})</h3>
          <span className="hint">Encryption recipients: the devices a profile can be encrypted for.</span>
          <button type="button" onClick={() => void certificates.getState().importRecipients()}>
            Add Device Certificates…
          </button>
        </header>
        {recipients.length === 0 ? <p className="hint">No device certificates yet.</p> : <CertificateTable rows={recipients} label="Device certificates" kind="recipient" />}
      </section>
    </main>
  );
}

function PersistenceNote() {
  const persistence = useCertificates((s) => s.persistence);
  const loadProblem = useCertificates((s) => s.loadProblem);
  if (!persistence) return null;
  return (
    <>
      {persistence.mode === 'encrypted' ? (
        <p className="banner banner-info persistence-note">Identities and device certificates are kept encrypted in the system keychain.</p>
      ) : (
        <p className="banner banner-warning persistence-note">Identities and device certificates are kept for this session only: {persistence.reason}.</p>
      )}
      {loadProblem ? (
        <p className="banner banner-warning" role="alert">
          {loadProblem}
        </p>
      ) : null}
    </>
  );
}

function CertificateTable({ rows, label, kind }: { rows: readonly (IdentitySummary | RecipientSummary)[]; label: string; kind: 'identity' | 'recipient' }) {
  const { certificates } = useScreens();
  const { ui } = useServices();

  const remove = async (row: IdentitySummary | RecipientSummary) => {
    const choice = await ui.getState().ask({
      title: kind === 'identity' ? 'Remove identity' : 'Remove device certificate',
      message:
        kind === 'identity'
          ? `Remove ${row.certificate.subject}? The app deletes its private key; keep the original file if you need the identity again.`
          : `Remove ${row.certificate.subject}? Profiles can no longer be encrypted for this device until you add its certificate again.`,
      buttons: [
        { label: 'Remove', value: 'remove', primary: true },
        { label: 'Cancel', value: 'cancel' },
      ],
      cancelValue: 'cancel',
    });
    if (choice !== 'remove') return;
    if (kind === 'identity') await certificates.getState().removeIdentity(row.id);
    else await certificates.getState().removeRecipient(row.id);
  };

  return (
    <div className="table-scroll">
      <table className="results-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Issuer</th>
            <th scope="col">Key</th>
            <th scope="col">Expiry</th>
            <th scope="col">SHA-256 fingerprint</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="mono">
                {row.certificate.subject}
                {'unusable' in row && row.unusable ? (
                  <div>
                    <StatusBadge tone="bad" label="cannot receive encrypted profiles" title={row.unusable} />
                  </div>
                ) : null}
              </td>
              <td className="mono">{row.certificate.issuer}</td>
              <td>{row.certificate.keyType}</td>
              <td>
                <ExpiryBadge expiry={row.expiry} />
                <div className="hint">until {formatUtc(row.certificate.notAfter)}</div>
              </td>
              <td className="mono fingerprint">{formatFingerprint(row.certificate.sha256)}</td>
              <td>
                <button
                  type="button"
                  className="danger small-button"
                  aria-label={`Remove ${row.certificate.subject}`}
                  onClick={() => void remove(row)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
