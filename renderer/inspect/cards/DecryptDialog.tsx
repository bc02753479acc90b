// "Decrypt with identity…": choose one of the imported identities; the main process decrypts
// the profile's EncryptedPayloadContent with its key and the card shows the payloads.

import { useEffect, useRef, useState } from 'react';

import type { IdentitySummary } from '../../../shared/keystore/summaries.ts';
import type { RecipientFacts } from '../../../shared/profile/signed.ts';
import { ModalDialog } from '../../screens/ModalDialog.tsx';
import { useCertificates, useNavigation, useScreens } from '../../screens/screens-context.ts';
import { ExpiryBadge } from '../parts/ExpiryBadge.tsx';
import { baseName, type InspectedFile } from '../inspection-store.ts';

export function DecryptDialog({ file, onClose }: { file: InspectedFile; onClose: () => void }) {
  const { inspection } = useScreens();
  const identities = useCertificates((s) => s.identities);
  const showScreen = useNavigation((s) => s.show);
  const recipients = file.report.encryption?.recipients ?? [];
  const [chosen, setChosen] = useState<string | null>(() => identities.find((identity) => isRecipient(identity, recipients))?.id ?? identities[0]?.id ?? null);
  const [working, setWorking] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const decrypt = async () => {
    const identity = identities.find((candidate) => candidate.id === chosen);
    if (!identity) return;
    setWorking(true);
    const done = await inspection.getState().decrypt(file.inspectionId, identity.id, identity.certificate.subject);
    setWorking(false);
    if (done) onClose();
  };

  return (
    <ModalDialog titleId="decrypt-title" onEscape={onClose}>
        <h2 id="decrypt-title">Decrypt {baseName(file.report.file)}</h2>
        {identities.length === 0 ? (
          <p>
            No identity is imported yet. Import the device identity (a .p12 file, or a certificate and its key) in Certificates and Identities, then come back.
          </p>
        ) : (
          <fieldset className="choice-list">
            <legend>Identity to decrypt with</legend>
            {identities.map((identity, index) => (
              <label key={identity.id} className="choice">
                <input ref={index === 0 ? firstRef : undefined} type="radio" name="decrypt-identity" checked={chosen === identity.id} onChange={() => setChosen(identity.id)} />
                <span className="mono">{identity.certificate.subject}</span> <ExpiryBadge expiry={identity.expiry} />
                {isRecipient(identity, recipients) ? <span className="hint"> is a recipient of this profile</span> : null}
              </label>
            ))}
          </fieldset>
        )}
        <div className="modal-buttons">
          {identities.length === 0 ? (
            <button
              type="button"
              onClick={() => {
                onClose();
                showScreen('certificates');
              }}
            >
              Open Certificates and Identities
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={chosen === null || working} onClick={() => void decrypt()}>
            {working ? 'Decrypting…' : 'Decrypt'}
          </button>
        </div>
    </ModalDialog>
  );
}

/** True when the profile was encrypted for the identity's certificate (by issuer and serial number). */
function isRecipient(identity: IdentitySummary, recipients: readonly RecipientFacts[]): boolean {
  const serial = (hex: string) => hex.toLowerCase().replace(/^0+/, '');
  return recipients.some((recipient) => recipient.issuer === identity.certificate.issuer && recipient.serialNumber !== undefined && serial(recipient.serialNumber) === serial(identity.certificate.serialNumber));
}
