// Fuzz targets of identity import: PKCS#12 files with the seeds' passphrase, and PEM text
// (certificate bundles, private keys in every encoding, CMS armour).

import { loadParsedCertificates } from '../../../electron/services/identity/certificates.ts';
import { IdentityError } from '../../../electron/services/identity/errors.ts';
import { importIdentity } from '../../../electron/services/identity/import-identity.ts';
import { loadPrivateKeys } from '../../../electron/services/identity/private-key.ts';
import { CmsError, decodeCmsArmour } from '../../../shared/cms/index.ts';
import { readSeedFolder } from '../engine/files.ts';
import { tokenBytes, type FuzzTarget } from '../engine/target.ts';
import { corpusSeeds } from './corpus-seeds.ts';
import { ASN1_TOKENS } from './shared-tokens.ts';

/** The passphrase make-seeds.sh gave every seed. */
const SEED_PASSPHRASE = 'fuzz';

const PEM_TOKENS = tokenBytes([
  '-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', '-----BEGIN PRIVATE KEY-----\n', '-----END PRIVATE KEY-----\n',
  '-----BEGIN ENCRYPTED PRIVATE KEY-----\n', '-----BEGIN RSA PRIVATE KEY-----\n', '-----END RSA PRIVATE KEY-----\n',
  '-----BEGIN EC PRIVATE KEY-----\n', '-----BEGIN TRUSTED CERTIFICATE-----\n', '-----BEGIN CMS-----\n', '-----END CMS-----\n',
  'Proc-Type: 4,ENCRYPTED\n', 'DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n', '=', '==', '\r\n', '\n\n', '-----', 'MII', 'AAAA',
]);

export const pkcs12Target: FuzzTarget = {
  name: 'pkcs12',
  description: 'importIdentity of a PKCS#12 file with the right passphrase (IdentityError only)',
  expectedErrors: [IdentityError],
  tokens: ASN1_TOKENS,
  maxInputLength: 64 * 1024,
  structure: 'asn1',
  seeds: () => [...readSeedFolder('pkcs12'), ...corpusSeeds().pkcs12],
  execute(input) {
    importIdentity({ p12: input, passphrase: SEED_PASSPHRASE, file: 'fuzz.p12' });
  },
};

export const pemTarget: FuzzTarget = {
  name: 'pem',
  description: 'loadParsedCertificates, loadPrivateKeys (IdentityError only) and decodeCmsArmour (CmsError only) on PEM text',
  expectedErrors: [IdentityError, CmsError],
  tokens: PEM_TOKENS,
  maxInputLength: 1024 * 1024,
  structure: 'pem',
  seeds: () => [...readSeedFolder('pem'), ...readSeedFolder('cms-signed').filter(isText), ...corpusSeeds().pem],
  execute(input) {
    // Each reader runs even when an earlier one rejected the input.
    const errors: unknown[] = [];
    const readers = [() => loadParsedCertificates(input, 'fuzz.pem'), () => loadPrivateKeys(input, SEED_PASSPHRASE, 'fuzz.key'), () => decodeCmsArmour(input) ?? errors.push(null)];
    for (const read of readers) {
      try {
        read();
      } catch (error) {
        if (!(error instanceof IdentityError) && !(error instanceof CmsError)) throw error;
        errors.push(error);
      }
    }
    // decodeCmsArmour returns null for text that is not CMS, which counts as a rejection here.
    if (errors.length === readers.length) throw errors.find((error) => error !== null) ?? new CmsError('not-cms', 'no CMS armour');
  },
};

function isText(bytes: Uint8Array): boolean {
  return bytes[0] === 0x2d;
}
