// openssl cms helpers for the CMS service tests: openssl is the independent reference.

import { execFileSync } from 'node:child_process';
import type { Pki } from '../../../support/openssl-pki.ts';

/** Returns the text of `openssl cms -cmsout -print` for a DER CMS message. */
export function printCms(pki: Pki, der: Uint8Array): string {
  const file = pki.write('print.der', der);
  return pki.openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file]).toString('utf8');
}

/** Reads the value of the messageDigest attribute from `-cmsout -print` text, as lower-case hex. */
export function printedMessageDigest(printed: string): string {
  const lines = printed.slice(printed.indexOf('object: messageDigest')).split('\n').slice(1);
  let hex = '';
  let started = false;
  for (const line of lines) {
    const match = /^\s*[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -])*[0-9a-f]{2})/.exec(line);
    if (match) {
      hex += match[1].replace(/[ -]/g, '');
      started = true;
    } else if (started) {
      break;
    }
  }
  return hex;
}

/** Counts certificates in `-cmsout -print` text. */
export function countPrintedCertificates(printed: string): number {
  return printed.split('\n').filter((line) => line.trim() === 'd.certificate:').length;
}

export interface OpensslVerifyResult {
  readonly ok: boolean;
  /** The content openssl wrote with -out, when verification succeeded. */
  readonly content: Buffer | null;
  readonly stderr: string;
}

/** Runs `openssl cms -verify -binary -inform DER` with `extra` arguments (such as -CAfile). */
export function opensslVerify(pki: Pki, der: Uint8Array, ...extra: string[]): OpensslVerifyResult {
  const input = pki.write('verify-in.der', der);
  try {
    const content = execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', input, ...extra], { cwd: pki.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, content, stderr: '' };
  } catch (error) {
    return { ok: false, content: null, stderr: String((error as { stderr?: Buffer }).stderr ?? '') };
  }
}
