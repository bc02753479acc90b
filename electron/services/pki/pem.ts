// PEM text for the files the workbench writes (certificates, requests, keys).

import { PkiError } from './errors.ts';

/** Wraps DER in `-----BEGIN label-----` armour with 64-character base64 lines. */
export function encodePem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Returns the DER inside the first PEM block labelled `label`; input without PEM armour is returned as it is (taken as DER). */
export function decodePemOrDer(bytes: Uint8Array, label: string, file: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN ')) return bytes;
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*)-----END ${label}-----`).exec(text);
  if (!match) throw new PkiError('invalid-argument', `${file} has no PEM block labelled ${label}`, { file });
  return new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}
