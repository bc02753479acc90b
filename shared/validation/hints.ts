// Checks for the kinds of string a key may hold (schema `hint`): UUID, URL, host name, email, domain.

import type { ValueHint } from '../schema/model.ts';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.ts';

// `shared/` is type-checked without the DOM or Node libraries, so the WHATWG URL parser that
// both runtimes provide as a global is declared here by the part this module uses.
interface UrlLike {
  readonly protocol: string;
  readonly hostname: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => UrlLike }).URL;

export const UUID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** One DNS label: letters, digits and inner hyphens, at most 63 characters (RFC 1123). */
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Schemes that carry no host, so a URL without one is still complete. */
const HOSTLESS_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'data:', 'urn:', 'file:']);

export interface HintProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** Returns what is wrong with `value` for `hint`, or undefined when it fits. */
export function checkHint(value: string, hint: ValueHint): HintProblem | undefined {
  switch (hint) {
    case 'uuid':
      return UUID_PATTERN.test(value) ? undefined : { code: DIAGNOSTIC_CODES.notAUuid, message: `'${value}' is not a UUID; write 32 hexadecimal digits in the form 8-4-4-4-12 (uuidgen prints one)` };
    case 'url':
      return checkUrl(value);
    case 'hostname':
      return isHostname(value) ? undefined : { code: DIAGNOSTIC_CODES.invalidHostname, message: `'${value}' is not a host name or IP address; give a name such as proxy.example.com without scheme, port or path` };
    case 'email':
      return EMAIL.test(value) && isDomain(value.slice(value.lastIndexOf('@') + 1)) ? undefined : { code: DIAGNOSTIC_CODES.invalidEmail, message: `'${value}' is not an email address such as user@example.com` };
    case 'domain':
      return isDomain(value) ? undefined : { code: DIAGNOSTIC_CODES.invalidDomain, message: `'${value}' is not a domain name such as example.com` };
    default:
      return assertNeverHint(hint);
  }
}

function checkUrl(value: string): HintProblem | undefined {
  let url: UrlLike;
  try {
    url = new UrlParser(value);
  } catch {
    const hint = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) ? '' : '; it has no scheme, so add one such as https://';
    return { code: DIAGNOSTIC_CODES.invalidUrl, message: `'${value}' is not a valid URL${hint}` };
  }
  if (url.hostname === '' && !HOSTLESS_SCHEMES.has(url.protocol)) {
    return { code: DIAGNOSTIC_CODES.invalidUrl, message: `'${value}' is not a valid URL: it has no host; write it as ${url.protocol}//host/path` };
  }
  return undefined;
}

function isHostname(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (value.includes(':')) return IPV6.test(value.replace(/^\[|\]$/g, ''));
  return isDomain(value);
}

function isDomain(value: string): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

function assertNeverHint(hint: never): never {
  throw new Error(`unhandled value hint ${String(hint)}`);
}
