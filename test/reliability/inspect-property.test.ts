// The inspector over random documents: every file dropped on the app or given to
// `mobileconfig inspect` goes through inspectBytes, whose summaries read whatever keys a plist
// has. Random plists built from the keys those summaries look at, with values of any kind, and
// mutated certificate, PKCS#12 and PEM files must give a report that JSON can hold, without a
// JavaScript error hidden in its error or warnings.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { inspectBytes } from '../../electron/services/inspect/inspect-file.ts';
import { writePlist } from '../../shared/plist/index.ts';
import type { PlistValue } from '../../shared/plist/model.ts';
import { makeInput } from '../fuzz/engine/campaign.ts';
import { readSeedFolder } from '../fuzz/engine/files.ts';
import { ASN1_TOKENS } from '../fuzz/targets/shared-tokens.ts';
import { plistValueArbitrary } from './plist-arbitrary.ts';

const NOW = new Date('2030-01-01T00:00:00Z');

/** Messages of JavaScript's own errors; a report that contains one hides a bug. */
const INTERNAL_ERROR = /Cannot read propert|Cannot convert|is not a function|is not iterable|is not defined|undefined is not|null is not|Maximum call stack|Invalid array length|Invalid time value|Do not know how to serialize/;

/** Keys that the classifier and the summaries of profiles, stubs, provisioning profiles and device responses read. */
const KEYS = [
  'PayloadContent', 'PayloadType', 'PayloadIdentifier', 'PayloadUUID', 'PayloadDisplayName', 'PayloadVersion', 'PayloadOrganization',
  'PayloadDescription', 'PayloadScope', 'EncryptedPayloadContent', 'SignerCerts', 'InstallDate', 'MCProfileIsRemovalStub', 'ProfileWasSigned',
  'ProfileWasEncrypted', 'ProfileWasTrusted', 'ProfileTrustLevel', 'ProductVersion', 'URL', 'DeviceAttributes', 'Challenge', 'UDID', 'CHALLENGE',
  'PRODUCT', 'VERSION', 'SERIAL', 'ExpirationDate', 'CreationDate', 'DeveloperCertificates', 'Entitlements', 'ProvisionedDevices', 'TeamIdentifier',
  'TeamName', 'AppIDName', 'Name', 'UUID', 'ProvisionsAllDevices', 'TimeToLive', 'Platform', 'ApplicationIdentifierPrefix', 'IsXcodeManaged', 'Version',
  'DER-Encoded-Profile', 'application-identifier', 'get-task-allow', 'aps-environment',
];

const TYPES = ['Configuration', 'Profile Service', 'com.apple.wifi.managed', 'com.apple.security.root', 'com.apple.security.pkcs12', 'com.apple.mdm', ''];

/** A value the summaries may meet: a payload type name, a DER certificate as data, or any value. */
const anyValue: fc.Arbitrary<PlistValue> = fc.oneof(
  fc.constantFrom(...TYPES).map((value): PlistValue => ({ kind: 'string', value })),
  fc.constantFrom(...readSeedFolder('x509')).map((value): PlistValue => ({ kind: 'data', value })),
  plistValueArbitrary('both', 2),
);

const documentArbitrary: fc.Arbitrary<PlistValue> = fc.letrec<{ doc: PlistValue }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc
      .uniqueArray(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), fc.oneof(anyValue, tie('doc'), fc.array(tie('doc'), { maxLength: 3 }).map((items): PlistValue => ({ kind: 'array', items })))), {
        selector: ([key]) => key,
        maxLength: 12,
      })
      .map((pairs): PlistValue => ({ kind: 'dict', entries: pairs.map(([key, value]) => ({ key, value })) })),
    anyValue,
  ),
})).doc;

const string = (value: string): PlistValue => ({ kind: 'string', value });
const arrayOf = (item: fc.Arbitrary<PlistValue>): fc.Arbitrary<PlistValue> => fc.array(item, { maxLength: 3 }).map((items) => ({ kind: 'array', items }));
const certificateData = fc.constantFrom(...readSeedFolder('x509')).map((value): PlistValue => ({ kind: 'data', value }));
const dateValue = fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }).map((seconds): PlistValue => ({ kind: 'date', value: seconds * 1000 }));

/**
 * Builds a root of a known kind: its required keys mostly with the right value kinds (a quarter of them
 * get any value instead), plus random extra entries, so that the classifier takes each branch.
 */
function shapedRoot(required: readonly (readonly [string, fc.Arbitrary<PlistValue>])[]): fc.Arbitrary<PlistValue> {
  const requiredValues = required.map(([, value]) => fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: anyValue }));
  return fc.tuple(fc.tuple(...requiredValues), fc.array(fc.tuple(fc.constantFrom(...KEYS), anyValue), { maxLength: 4 })).map(([values, extra]): PlistValue => {
    const entries = required.map(([key], index) => ({ key, value: values[index] }));
    const names = new Set(entries.map((entry) => entry.key));
    for (const [key, value] of extra) {
      if (!names.has(key)) entries.push({ key, value });
      names.add(key);
    }
    return { kind: 'dict', entries };
  });
}

const payload = shapedRoot([['PayloadType', fc.constantFrom(...TYPES).map(string)], ['PayloadIdentifier', fc.string().map(string)], ['PayloadContent', fc.oneof(certificateData, anyValue)]]);

const rootArbitrary = fc.oneof(
  documentArbitrary,
  shapedRoot([['PayloadType', fc.constant(string('Configuration'))], ['PayloadContent', arrayOf(payload)], ['EncryptedPayloadContent', anyValue]]),
  shapedRoot([['PayloadType', fc.constant(string('Profile Service'))], ['PayloadContent', shapedRoot([['URL', fc.webUrl().map(string)], ['DeviceAttributes', arrayOf(fc.constantFrom('UDID', 'IMEI').map(string))], ['Challenge', anyValue]])]]),
  shapedRoot([['SignerCerts', arrayOf(certificateData)], ['ProfileWasSigned', anyValue], ['InstallDate', dateValue]]),
  shapedRoot([
    ['DeveloperCertificates', arrayOf(certificateData)],
    ['UUID', fc.uuid().map(string)],
    ['ExpirationDate', dateValue],
    ['CreationDate', dateValue],
    ['TeamIdentifier', arrayOf(fc.string().map(string))],
    ['Entitlements', anyValue],
    ['ProvisionedDevices', arrayOf(fc.string().map(string))],
  ]),
  shapedRoot([['UDID', fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 40 }).map(string)], ['PRODUCT', fc.constant(string('iPhone15,2'))], ['CHALLENGE', anyValue]]),
);

/** Inspects `bytes` and returns the problems found in the report, if any. */
async function problemsOf(bytes: Uint8Array): Promise<string[]> {
  const report = await inspectBytes(bytes, 'random.mobileconfig', { now: NOW });
  try {
    JSON.stringify(report);
  } catch (error) {
    return [`the report cannot be written as JSON: ${(error as Error).message}`];
  }
  return [report.ok ? '' : (report.error ?? ''), ...report.warnings].filter((text) => INTERNAL_ERROR.test(text));
}

describe('inspectBytes on hostile input', () => {
  it('summarises random documents', async () => {
    await fc.assert(
      fc.asyncProperty(rootArbitrary, fc.constantFrom<'xml' | 'binary'>('xml', 'binary'), async (document, format) => {
        expect(await problemsOf(writePlist(document, format))).toEqual([]);
      }),
      { numRuns: 400, seed: 8080 },
    );
  });

  it('reports mutated key and certificate files', async () => {
    const source = { seeds: [...readSeedFolder('x509'), ...readSeedFolder('pkcs12'), ...readSeedFolder('pem')], tokens: ASN1_TOKENS, maxLength: 64 * 1024 };
    const problems: string[] = [];
    for (let index = 0; index < 1500; index++) {
      const structure = index % 3 === 0 ? undefined : index % 3 === 1 ? ('asn1' as const) : ('pem' as const);
      const found = await problemsOf(makeInput({ ...source, structure }, 77, index));
      problems.push(...found.map((problem) => `input ${index}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
});
