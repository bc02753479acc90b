// Warnings shown in the export dialog before anything is written.

import { readPlist } from '../../../shared/plist/index.ts';
import { validateProfile, DIAGNOSTIC_CODES } from '../../../shared/validation/index.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { signerWarnings } from '../cms/sign-warnings.ts';
import type { Keystore } from '../keystore/keystore.ts';
import type { ExportRequest, ExportWarning } from './request.ts';

/** Lists what an administrator should know before exporting: validation errors, signer and recipient problems, exposed secrets. */
export function preflightExport(request: ExportRequest, keystore: Keystore, now: Date = new Date()): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  const encrypting = request.mode === 'encrypted' || request.mode === 'per-recipient';

  // Validation of the profile as it will be exported.
  const { value } = readPlist(request.profile, { file: request.profileName });
  const diagnostics = validateProfile(value, { willEncrypt: encrypting });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors.slice(0, 3).map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ');
    warnings.push({ code: 'validation-errors', severity: 'error', message: `The profile has ${errors.length} validation error${errors.length === 1 ? '' : 's'}: ${first}${errors.length > 3 ? '; ...' : ''}` });
  }
  const secrets = diagnostics.filter((d) => d.code === DIAGNOSTIC_CODES.sensitiveValueUnencrypted);
  if (secrets.length > 0 && !encrypting) {
    warnings.push({ code: 'sensitive-unencrypted', severity: 'warning', message: `${secrets.length} secret value${secrets.length === 1 ? '' : 's'} (${secrets.map((d) => d.path).join(', ')}) will be readable by anyone who gets the file. Export it encrypted for the devices to protect them.` });
  }

  // Signer: expiry and chain, with the same checks signing makes.
  if (request.identityId) {
    const identity = keystore.identity(request.identityId);
    const signer = parseCertificate(identity.certificate);
    for (const w of signerWarnings(signer, identity.chain.map((der) => parseCertificate(der)), now)) {
      const code = w.code === 'issuer-missing' ? 'chain-incomplete' : w.code;
      warnings.push({ code, severity: w.code === 'signer-expired' ? 'error' : 'warning', message: w.message });
    }
  }

  // Recipients: expired devices, and keys devices cannot use.
  if (encrypting) {
    const chosen = new Set(request.recipientIds ?? []);
    for (const recipient of keystore.listRecipients().filter((r) => chosen.has(r.id))) {
      if (recipient.unusable) warnings.push({ code: 'recipient-unusable', severity: 'error', message: `${recipient.certificate.subject}: ${recipient.unusable}.` });
      if (recipient.expiry.state === 'expired') {
        warnings.push({ code: 'recipient-expired', severity: 'warning', message: `${recipient.certificate.subject} expired on ${recipient.certificate.notAfter}; the device may no longer hold that identity.` });
      }
    }
  }

  return warnings;
}
