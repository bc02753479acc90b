// validateProfile over the shared corpus: every profile validates without throwing, and four
// files get exactly the findings worked out by reading each file beside Apple's schema.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { array, bool, data, date, dict, int, real, str, uid, type PlistValue } from '../../../shared/plist/model.ts';
import { openDocument, type OpenedDocument } from '../../../shared/profile/open.ts';
import { loadAppleSchemaYaml } from '../../../shared/schema/apple-yaml.ts';
import { builtinSchemas } from '../../../shared/schema/builtin/index.ts';
import { DIAGNOSTIC_CODES, validateProfile, type Diagnostic } from '../../../shared/validation/index.ts';
import { needCorpus } from '../../support/environment.ts';

const corpus = needCorpus();
const filesDir = path.join(corpus.dir, 'files');

function open(name: string): OpenedDocument {
  return openDocument(new Uint8Array(readFileSync(path.join(filesDir, name))), { file: name });
}

/** Severity, code, path, line and column of each finding, in order. */
function located(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path} @${d.line}:${d.column}`);
}

describe.skipIf(corpus.skip)('validateProfile on the corpus' + corpus.reason, () => {
  const knownCodes = new Set<string>(Object.values(DIAGNOSTIC_CODES));
  const appleDir = path.join(corpus.dir, 'apple-device-management');
  const withApple = builtinSchemas().withOverrides(
    readdirSync(appleDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => loadAppleSchemaYaml(readFileSync(path.join(appleDir, f), 'utf8'), f)),
  );

  it('validates every readable file', () => {
    let validated = 0;
    for (const name of readdirSync(filesDir).sort()) {
      let document: OpenedDocument;
      try {
        document = open(name);
      } catch {
        // Broken files are the readers' concern; their tests check the messages.
        continue;
      }
      const lines = document.text ? document.text.split(/\r\n|\r|\n/).length : 0;
      for (const options of [{}, { platform: 'iOS' as const, osVersion: '17.0', strict: true }, { platform: 'macOS' as const, schemas: withApple }]) {
        const diagnostics = validateProfile(document.value, options);
        for (const d of diagnostics) {
          expect(knownCodes.has(d.code), `${name}: ${d.code}`).toBe(true);
          expect(d.message.length, name).toBeGreaterThan(0);
          if (d.line !== undefined) expect(d.line, `${name}: ${d.path}`).toBeLessThanOrEqual(lines);
        }
      }
      validated++;
    }
    // MANIFEST.tsv lists 39 files that are not broken; two broken ones are well-formed plists.
    expect(validated).toBeGreaterThanOrEqual(39);
  });

  it('missing PayloadUUID file', () => {
    const diagnostics = validateProfile(open('talieisin_broken_missing-payload-uuid_crlf-comment.mobileconfig').value);
    expect(located(diagnostics)).toEqual(['error missing-key PayloadContent[0].PayloadUUID @7:3']);
    expect(diagnostics[0].message).toBe('Required key `PayloadUUID` is missing in payload com.apple.dock; add it (a string).');
  });

  it('NotConfiguration outer type file', () => {
    const diagnostics = validateProfile(open('talieisin_broken_outer-type-NotConfiguration_crlf.mobileconfig').value);
    expect(located(diagnostics)).toEqual(['error wrong-profile-type PayloadType @25:2']);
    expect(diagnostics[0].message).toBe("The profile's PayloadType is 'NotConfiguration' but must be 'Configuration'.");
    expect(diagnostics[0].fix).toEqual({ kind: 'set-value', path: 'PayloadType', segments: ['PayloadType'], value: { kind: 'string', value: 'Configuration' } });
  });

  it('PEM template file', () => {
    const diagnostics = validateProfile(open('profiledocs_odd_pem-template_string-content.mobileconfig').value);
    expect(located(diagnostics)).toEqual([
      'warning unknown-key PayloadContent[0].Password @9:4',
      'error wrong-type PayloadContent[0].PayloadContent @13:4',
      'error empty-value PayloadContent[0].PayloadUUID @25:4',
      'error wrong-type PayloadVersion @43:2',
    ]);
    expect(diagnostics[1].message).toBe('`PayloadContent` must be data, but it is a string.');
    // 'Base64EncodedDataHere==' is not valid base64 (21 characters before the padding), so no data fix.
    expect(diagnostics[1].fix).toBeUndefined();
    expect(diagnostics[3].fix).toMatchObject({ kind: 'set-value', value: { kind: 'integer', value: 1n } });
  });

  it('all lower-case keys file', () => {
    const diagnostics = validateProfile(open('jamfpppc_odd_TestTCCUnsignedProfile-allLower.mobileconfig').value);
    expect(located(diagnostics)).toEqual([
      'error key-case-mismatch payloadcontent @6:2',
      'warning key-case-mismatch payloaddescription @604:2',
      'warning key-case-mismatch payloaddisplayname @606:2',
      'error key-case-mismatch payloadidentifier @608:2',
      'warning key-case-mismatch payloadorganization @610:2',
      'error key-case-mismatch payloadtype @612:2',
      'error key-case-mismatch payloaduuid @614:2',
      'error key-case-mismatch payloadversion @616:2',
      'warning key-case-mismatch payloadscope @618:2',
    ]);
    expect(diagnostics[0].message).toBe('Unknown key `payloadcontent` for the profile; did you mean `PayloadContent`? Keys are case-sensitive, so the required key `PayloadContent` is missing. Rename the key.');
    expect(diagnostics[0].fix).toEqual({ kind: 'rename-key', path: 'payloadcontent', segments: ['payloadcontent'], value: 'PayloadContent' });
    expect(diagnostics[1].message).toBe('Unknown key `payloaddescription` for the profile; did you mean `PayloadDescription`? Keys are case-sensitive, so devices ignore it. Rename the key.');
  });

  it('signed file validates on its content', () => {
    const document = open('encdns_signed_cloudflare-default-https_2026_letsencrypt-ecdsa.mobileconfig');
    expect(document.signed).toBe(true);
    expect(validateProfile(document.value)).toEqual([]);
  });
});

describe('validateProfile on generated documents', () => {
  it('never throws', () => {
    const keyNames = fc.constantFrom('PayloadContent', 'PayloadType', 'PayloadUUID', 'PayloadIdentifier', 'PayloadVersion', 'Services', 'Allowed', 'URL', 'IdentityCertificateUUID', 'payloadtype', 'x');
    const typeNames = fc.constantFrom('Configuration', 'Profile Service', 'com.apple.mdm', 'com.apple.TCC.configuration-profile-policy', 'com.apple.wifi.managed', 'com.apple.homescreenlayout', '');
    const { value } = fc.letrec<{ value: PlistValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string().map(str),
        typeNames.map(str),
        fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(int),
        fc.double().map(real),
        fc.boolean().map(bool),
        fc.integer().map((n) => date(n)),
        fc.uint8Array({ maxLength: 8 }).map(data),
        fc.nat().map(uid),
        fc.array(tie('value'), { maxLength: 4 }).map(array),
        fc.uniqueArray(fc.tuple(keyNames, tie('value')), { maxLength: 6, selector: ([k]) => k }).map((entries) => dict(entries)),
      ),
    }));
    fc.assert(
      fc.property(value, fc.boolean(), (document, strict) => {
        const diagnostics = validateProfile(document, { strict, platform: 'iOS', osVersion: '17' });
        return Array.isArray(diagnostics);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
