// The export dialog: unsigned XML, signed, encrypted for chosen devices (optionally signed), or
// one encrypted file per device. The main process' warnings show before export, errors need an
// explicit confirmation, and the result shows what main read back from each written file.

import { useEffect, useId, useRef } from 'react';

import type { ExportMode, WrittenFileCheck } from '../../shared/export/results.ts';
import { EXPORT_CIPHERS, EXPORT_DIGESTS, type ExportCipher, type ExportDigest } from '../../shared/ipc/screens.ts';
import { useEditor } from '../app/context.ts';
import { ExpiryBadge } from '../inspect/parts/ExpiryBadge.tsx';
import { StatusBadge } from '../inspect/parts/StatusBadge.tsx';
import { ModalDialog } from '../screens/ModalDialog.tsx';
import { useCertificates, useExport, useNavigation, useScreens } from '../screens/screens-context.ts';
import { missingChoice } from './export-store.ts';

const MODES: readonly { readonly mode: ExportMode; readonly label: string; readonly hint: string }[] = [
  { mode: 'unsigned', label: 'Unsigned XML', hint: 'The profile as it is; devices show it as Not Verified.' },
  { mode: 'signed', label: 'Signed', hint: 'Signed with an identity; devices check the signature and its chain.' },
  { mode: 'encrypted', label: 'Encrypted for devices', hint: 'One file the chosen devices can decrypt; the payloads are unreadable to anyone else.' },
  { mode: 'per-recipient', label: 'One encrypted file per device', hint: 'A file for each chosen device, written into a folder.' },
];

export function ExportDialog() {
  const { exporting } = useScreens();
  const open = useExport((s) => s.open);
  const settings = useExport((s) => s.settings);
  const running = useExport((s) => s.running);
  const profileName = useEditor((s) => s.document?.displayName ?? 'Untitled');
  const parseProblem = useEditor((s) => s.parseProblem);
  const identities = useCertificates((s) => s.identities);
  const recipients = useCertificates((s) => s.recipients);
  const showScreen = useNavigation((s) => s.show);
  const firstRef = useRef<HTMLInputElement>(null);
  const digestId = useId();
  const cipherId = useId();
  const identityId = useId();

  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);

  // An identity or device removed in the certificate manager is dropped from the choices.
  useEffect(() => {
    if (!open) return;
    const knownIdentity = settings.identityId === null || identities.some((identity) => identity.id === settings.identityId);
    const knownRecipients = settings.recipientIds.filter((id) => recipients.some((recipient) => recipient.id === id));
    if (!knownIdentity || knownRecipients.length !== settings.recipientIds.length) {
      exporting.getState().change({ identityId: knownIdentity ? settings.identityId : (identities[0]?.id ?? null), recipientIds: knownRecipients });
    } else if (settings.identityId === null && identities.length > 0) {
      exporting.getState().change({ identityId: identities[0].id });
    }
  }, [open, identities, recipients, settings.identityId, settings.recipientIds, exporting]);

  if (!open) return null;

  const encrypting = settings.mode === 'encrypted' || settings.mode === 'per-recipient';
  const signing = settings.mode === 'signed' || (encrypting && settings.signEncrypted);
  const source = { text: '', profileName, problem: parseProblem ? parseProblem.message : null };
  const missing = missingChoice(source, settings);
  const close = () => exporting.getState().close();
  const openCertificates = () => {
    close();
    showScreen('certificates');
  };

  return (
    <ModalDialog titleId="export-title" onEscape={close} className="export-dialog">
        <h2 id="export-title">Export {profileName}</h2>

        <fieldset className="choice-list">
          <legend>Format</legend>
          {MODES.map((entry, index) => (
            <label key={entry.mode} className="choice">
              <input ref={index === 0 ? firstRef : undefined} type="radio" name="export-mode" checked={settings.mode === entry.mode} disabled={running} onChange={() => exporting.getState().change({ mode: entry.mode })} />
              <span>
                {entry.label} <span className="hint">{entry.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {encrypting ? (
          <fieldset className="choice-list">
            <legend>Devices to encrypt for</legend>
            {recipients.length === 0 ? (
              <p className="hint">
                No device certificates yet.{' '}
                <button type="button" className="link-button" onClick={() => openCertificates()}>
                  Add them in Certificates and Identities.
                </button>
              </p>
            ) : (
              recipients.map((recipient) => (
                <label key={recipient.id} className="choice">
                  <input
                    type="checkbox"
                    disabled={running}
                    checked={settings.recipientIds.includes(recipient.id)}
                    onChange={(event) =>
                      exporting.getState().change({ recipientIds: event.target.checked ? [...settings.recipientIds, recipient.id] : settings.recipientIds.filter((id) => id !== recipient.id) })
                    }
                  />
                  <span className="mono">{recipient.certificate.subject}</span> <ExpiryBadge expiry={recipient.expiry} />
                  {recipient.unusable ? <StatusBadge tone="bad" label="unusable" title={recipient.unusable} /> : null}
                </label>
              ))
            )}
            <div className="inline-field">
              <label htmlFor={cipherId}>Content cipher</label>
              <select id={cipherId} className="input" value={settings.cipher} disabled={running} onChange={(event) => exporting.getState().change({ cipher: event.target.value as ExportCipher })}>
                {EXPORT_CIPHERS.map((cipher) => (
                  <option key={cipher} value={cipher}>
                    {cipher}
                  </option>
                ))}
              </select>
            </div>
            <label className="choice">
              <input type="checkbox" checked={settings.signEncrypted} disabled={running} onChange={(event) => exporting.getState().change({ signEncrypted: event.target.checked })} /> Also sign, after
              encrypting
            </label>
          </fieldset>
        ) : null}

        {signing ? (
          <fieldset className="choice-list">
            <legend>Signing</legend>
            {identities.length === 0 ? (
              <p className="hint">
                No identities yet.{' '}
                <button type="button" className="link-button" onClick={() => openCertificates()}>
                  Import one in Certificates and Identities.
                </button>
              </p>
            ) : (
              <div className="inline-field">
                <label htmlFor={identityId}>Identity</label>
                <select id={identityId} className="input" value={settings.identityId ?? ''} disabled={running} onChange={(event) => exporting.getState().change({ identityId: event.target.value })}>
                  {identities.map((identity) => (
                    <option key={identity.id} value={identity.id}>
                      {identity.certificate.subject} ({identity.expiry.state === 'expired' ? 'expired' : `${identity.expiry.daysLeft} days left`})
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="inline-field">
              <label htmlFor={digestId}>Digest</label>
              <select id={digestId} className="input" value={settings.digest} disabled={running} onChange={(event) => exporting.getState().change({ digest: event.target.value as ExportDigest })}>
                {EXPORT_DIGESTS.map((digest) => (
                  <option key={digest} value={digest}>
                    {digest.toUpperCase().replace('SHA', 'SHA-')}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        ) : null}

        <ExportWarnings />
        <ExportOutcome />

        <div className="modal-buttons">
          <span className="hint export-missing">{missing ?? ''}</span>
          <button type="button" onClick={close} disabled={running}>
            Close
          </button>
          <ExportButton missing={missing !== null} />
        </div>
    </ModalDialog>
  );
}

function ExportWarnings() {
  const { exporting } = useScreens();
  const warnings = useExport((s) => s.warnings);
  const checking = useExport((s) => s.checking);
  const acceptErrors = useExport((s) => s.acceptErrors);
  const running = useExport((s) => s.running);
  const errors = warnings.filter((warning) => warning.severity === 'error').length;

  return (
    <section className="export-warnings" aria-label="Before export" aria-busy={checking}>
      <h3>Before export</h3>
      {warnings.length === 0 ? (
        <p className="hint">{checking ? 'Checking…' : 'No warnings.'}</p>
      ) : (
        <ul className="findings">
          {warnings.map((warning, index) => (
            <li key={index} className={`finding severity-${warning.severity}`}>
              <span className="severity-label">{warning.severity}</span> {warning.message}
            </li>
          ))}
        </ul>
      )}
      {errors > 0 ? (
        <label className="choice confirm-errors">
          <input type="checkbox" checked={acceptErrors} disabled={running} onChange={(event) => exporting.getState().setAcceptErrors(event.target.checked)} /> Export anyway, despite{' '}
          {errors === 1 ? 'the error' : `the ${errors} errors`} above
        </label>
      ) : null}
    </section>
  );
}

function ExportButton({ missing }: { missing: boolean }) {
  const { exporting } = useScreens();
  const running = useExport((s) => s.running);
  const checking = useExport((s) => s.checking);
  const blocked = useExport((s) => s.warnings.some((warning) => warning.severity === 'error') && !s.acceptErrors);
  return (
    <button type="button" className="primary" disabled={missing || running || checking || blocked} onClick={() => void exporting.getState().run()}>
      {running ? 'Exporting…' : 'Export…'}
    </button>
  );
}

function ExportOutcome() {
  const running = useExport((s) => s.running);
  const progress = useExport((s) => s.progress);
  const result = useExport((s) => s.result);
  const error = useExport((s) => s.error);

  return (
    <>
      {running && progress ? (
        <div className="progress-row" role="status">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Export progress" />
          <span>
            {progress.done} of {progress.total} files{progress.current ? `: ${progress.current}` : ''}
          </span>
        </div>
      ) : null}
      {error ? (
        <p className="card-error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <section className="export-result" aria-label="Written files">
          <h3>
            Wrote {result.files.length} file{result.files.length === 1 ? '' : 's'}
            {result.failures.length > 0 ? `, ${result.failures.length} failed` : ''}
          </h3>
          <ul className="written-files">
            {result.files.map((file) => (
              <li key={file.path}>
                <span className="mono">{file.path}</span> <span className="hint">({file.bytes} bytes)</span>
                <ReadBackBadges check={file} />
                {file.recipients && file.recipients.length > 0 ? <p className="hint">Encrypted for: {file.recipients.join('; ')}</p> : null}
              </li>
            ))}
          </ul>
          {result.failures.map((failure) => (
            <p key={failure.recipient} className="card-error">
              {failure.recipient}: {failure.message}
            </p>
          ))}
        </section>
      ) : null}
    </>
  );
}

/** Shows what the main process found when it read the written file back. */
export function ReadBackBadges({ check }: { check: WrittenFileCheck }) {
  return (
    <div className="badge-row" aria-label="Read back">
      {check.signed ? (
        <>
          <StatusBadge tone={check.signatureValid ? 'good' : 'bad'} label={check.signatureValid ? 'Signature valid' : 'Signature invalid'} />
          <StatusBadge tone={check.chainComplete ? 'good' : 'warning'} label={check.chainComplete ? 'Chain complete' : 'Chain incomplete'} />
          <StatusBadge tone={check.chainTrusted ? 'good' : 'warning'} label={check.chainTrusted ? 'Trusted' : 'Not trusted'} />
          <StatusBadge tone={check.signerExpired ? 'bad' : 'good'} label={check.signerExpired ? 'Signer expired' : 'Signer not expired'} />
        </>
      ) : (
        <StatusBadge tone="neutral" label="Unsigned" />
      )}
      <StatusBadge tone={check.encrypted ? 'good' : 'neutral'} label={check.encrypted ? 'Encrypted' : 'Not encrypted'} />
    </div>
  );
}
