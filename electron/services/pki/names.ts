// Distinguished names for certificates and requests: written from (type, value) pairs and
// read from the `/CN=a/O=b` text form that openssl's -subj option uses.

import { derIa5String, derOid, derPrintableString, derSequence, derSet, derUtf8String } from '../../../shared/asn1/writer.ts';
import {
  OID_AT_COMMON_NAME,
  OID_AT_COUNTRY,
  OID_AT_LOCALITY,
  OID_AT_ORGANIZATION,
  OID_AT_ORGANIZATIONAL_UNIT,
  OID_AT_SERIAL_NUMBER,
  OID_AT_STATE,
  OID_AT_TITLE,
  OID_DOMAIN_COMPONENT,
  OID_EMAIL_ADDRESS,
  OID_USER_ID,
} from '../../../shared/asn1/oids.ts';
import { PkiError } from './errors.ts';

/** One attribute of a name: a short name (`CN`, `O`, `C`...) or a dotted OID, and its text. */
export type NameEntry = readonly [type: string, value: string];

const SHORT_NAMES: Readonly<Record<string, string>> = {
  C: OID_AT_COUNTRY,
  ST: OID_AT_STATE,
  L: OID_AT_LOCALITY,
  O: OID_AT_ORGANIZATION,
  OU: OID_AT_ORGANIZATIONAL_UNIT,
  CN: OID_AT_COMMON_NAME,
  serialNumber: OID_AT_SERIAL_NUMBER,
  title: OID_AT_TITLE,
  emailAddress: OID_EMAIL_ADDRESS,
  DC: OID_DOMAIN_COMPONENT,
  UID: OID_USER_ID,
};

/** Returns the OID of a short name or dotted OID; raises PkiError for an unknown name. */
export function nameTypeOid(type: string): string {
  if (/^[0-2](\.\d+)+$/.test(type)) return type;
  const oid = SHORT_NAMES[type];
  if (!oid) throw new PkiError('invalid-argument', `name attribute "${type}" is not known; use ${Object.keys(SHORT_NAMES).join(', ')} or a dotted OID`, { field: 'subject' });
  return oid;
}

/**
 * Encodes a Name with one attribute per RDN, in the order given (most significant first).
 * Country and serialNumber are PrintableString as X.520 requires, falling back to UTF8String
 * for other characters; emailAddress and DC are IA5String; the rest are UTF8String.
 */
export function encodeName(entries: readonly NameEntry[]): Uint8Array {
  const rdns = entries.map(([type, value]) => {
    const oid = nameTypeOid(type);
    return derSet(derSequence(derOid(oid), encodeValue(oid, value)));
  });
  return derSequence(...rdns);
}

function encodeValue(oid: string, value: string): Uint8Array {
  if (oid === OID_EMAIL_ADDRESS || oid === OID_DOMAIN_COMPONENT) return derIa5String(value);
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value);
  if ((oid === OID_AT_COUNTRY || oid === OID_AT_SERIAL_NUMBER) && printable) return derPrintableString(value);
  return derUtf8String(value);
}

/**
 * Parses `/C=FR/O=Example/CN=Device` into entries. A backslash escapes the next character
 * (`\/` for a slash inside a value). Raises PkiError for text that does not start with `/` or
 * an attribute without `=`.
 */
export function parseNameText(text: string): NameEntry[] {
  if (!text.startsWith('/')) throw new PkiError('invalid-argument', `subject "${text}" must start with "/", as in /O=Example/CN=Device`, { field: 'subject' });
  const parts: string[] = [];
  let current = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) current += text[++i];
    else if (char === '/') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);

  return parts.map((part) => {
    const equals = part.indexOf('=');
    if (equals <= 0) throw new PkiError('invalid-argument', `subject part "${part}" is not TYPE=value`, { field: 'subject' });
    const type = part.slice(0, equals);
    nameTypeOid(type);
    return [type, part.slice(equals + 1)] as const;
  });
}
