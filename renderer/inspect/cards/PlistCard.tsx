// The body of a profile, stub or plist card: format, signature, encryption, top-level settings,
// stub facts, payload tree and validation findings, and "Edit a copy".

import { useMemo, useState } from 'react';

import { useSchemas, useServices } from '../../app/context.ts';
import { useNavigation } from '../../screens/screens-context.ts';
import type { InspectedFile } from '../inspection-store.ts';
import { baseName } from '../inspection-store.ts';
import { CertificateList } from '../parts/CertificateList.tsx';
import { FindingsList } from '../parts/FindingsList.tsx';
import { SignatureSection } from '../parts/SignatureBadges.tsx';
import { StatusBadge } from '../parts/StatusBadge.tsx';
import { JsonTree, KeyTree } from '../parts/ValueTrees.tsx';
import { viewPlist } from '../profile-view.ts';
import { DecryptDialog } from './DecryptDialog.tsx';

export function PlistCard({ file }: { file: InspectedFile }) {
  const { report } = file;
  const schemas = useSchemas();
  const { controller } = useServices();
  const showScreen = useNavigation((s) => s.show);
  const [decrypting, setDecrypting] = useState(false);
  const view = useMemo(() => (file.xml === null ? null : viewPlist(file.xml, baseName(report.file), schemas, report.kind === 'profile')), [file.xml, report.file, report.kind, schemas]);
  const stillEncrypted = report.encrypted === true;

  const editCopy = async () => {
    if (file.xml === null) return;
    showScreen('editor');
    await controller.openCopy(`Copy of ${baseName(report.file)}`, file.xml);
  };

  return (
    <>
      <SignatureSection report={report} />

      {file.decryptedWith ? (
        <p className="card-note">
          <StatusBadge tone="good" label="Decrypted" /> with {file.decryptedWith}. The payloads below were encrypted in the file.
        </p>
      ) : null}

      {stillEncrypted ? (
        <section className="card-section" aria-label="Encryption">
          <h4>Encrypted payloads</h4>
          {report.encryption ? (
            <>
              <p>
                Content cipher: <span className="mono">{report.encryption.contentEncryptionAlgorithm}</span>
              </p>
              <ul className="plain-list" aria-label="Recipients">
                {report.encryption.recipients.map((recipient, index) => (
                  <li key={index}>{recipient.description}</li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" onClick={() => setDecrypting(true)}>
            Decrypt with identity…
          </button>
          {decrypting ? <DecryptDialog file={file} onClose={() => setDecrypting(false)} /> : null}
        </section>
      ) : null}

      {report.stub ? (
        <section className="card-section" aria-label="Installation facts">
          <h4>Installation facts</h4>
          <JsonTree value={report.stub.facts} label="Stub facts" />
          <h5>SignerCerts</h5>
          {report.stub.signerCerts.length > 0 ? <CertificateList certificates={report.stub.signerCerts} label="SignerCerts" /> : <p className="hint">No signer certificates.</p>}
        </section>
      ) : null}

      {report.top && Object.keys(report.top).length > 0 ? (
        <section className="card-section" aria-label="Top-level settings">
          <h4>Top-level settings</h4>
          <JsonTree value={report.top} label="Top-level settings" />
        </section>
      ) : null}

      {report.profileService ? (
        <section className="card-section" aria-label="Enrolment request">
          <h4>Profile Service</h4>
          <JsonTree value={{ URL: report.profileService.URL ?? null, DeviceAttributes: report.profileService.DeviceAttributes ?? null, Challenge: report.profileService.hasChallenge ? 'present (not shown)' : 'none' }} />
        </section>
      ) : null}

      {view && view.payloads.length > 0 ? (
        <section className="card-section" aria-label="Payloads">
          <h4>Payloads ({view.payloads.length})</h4>
          <ol className="payload-tree">
            {view.payloads.map((payload) => (
              <li key={payload.index} className="payload-node">
                <details>
                  <summary>
                    <span className="payload-title">{payload.title}</span> <span className="mono hint">{payload.payloadType}</span>
                    {payload.displayName ? <span className="payload-name"> {payload.displayName}</span> : null}
                    {payload.schemaKnown ? null : <StatusBadge tone="neutral" label="no schema" />}
                  </summary>
                  <KeyTree nodes={payload.keys} label={`Keys of ${payload.title}`} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {view?.parseError ? <p className="card-error">{view.parseError}</p> : null}

      {report.kind === 'profile' && view ? (
        <section className="card-section" aria-label="Validation">
          <h4>Validation</h4>
          <FindingsList findings={view.findings} />
        </section>
      ) : null}

      {file.xml !== null ? (
        <div className="card-actions">
          <button type="button" onClick={() => void editCopy()}>
            Edit a copy
          </button>
        </div>
      ) : null}
    </>
  );
}
