// Fuzz targets of the CMS readers: SignedData through the verify service, and EnvelopedData
// through the decrypt service, both with the seeds' own keys so that mutations reach the
// signature, chain and decryption code and not only the parser.

import { createPrivateKey } from 'node:crypto';

import { decrypt, verify, CmsError } from '../../../electron/services/cms/index.ts';
import { loadCertificates } from '../../../electron/services/identity/certificates.ts';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { decodeCmsArmour, parseSignedDataContentInfo } from '../../../shared/cms/index.ts';
import { describeEnvelope } from '../../../shared/profile/signed.ts';
import { readSeedFile, readSeedFolder } from '../engine/files.ts';
import { FuzzOracleError, tokenBytes, type FuzzTarget } from '../engine/target.ts';
import { corpusSeeds } from './corpus-seeds.ts';
import { ASN1_TOKENS } from './shared-tokens.ts';

/** The time certificates are checked at: inside the seeds' 100-year validity, and fixed so that runs repeat. */
const VERIFY_TIME = new Date('2031-06-01T00:00:00Z');

const PEM_CMS_TOKENS = tokenBytes(['-----BEGIN CMS-----\n', '-----END CMS-----\n', '-----BEGIN PKCS7-----\n', '-----END PKCS7-----\n', '=', '\r\n']);

let signedContents: Set<string> | undefined;

/** The content of every seed whose signature verifies: a valid signature over anything else is a forgery. */
function genuineContents(): Set<string> {
  if (signedContents) return signedContents;
  signedContents = new Set();
  for (const seed of cmsSignedTarget.seeds()) {
    const result = verify(seed, { anchors: trustAnchors(), systemRoots: false, now: VERIFY_TIME });
    if (result.signatureValid && result.content) signedContents.add(Buffer.from(result.content).toString('base64'));
  }
  return signedContents;
}

let anchors: Uint8Array[] | undefined;

function trustAnchors(): Uint8Array[] {
  anchors ??= loadCertificates(readSeedFile('identity/root.pem'), 'root.pem');
  return anchors;
}

export const cmsSignedTarget: FuzzTarget = {
  name: 'cms-signed',
  description: 'verify (must never throw, and a valid signature must cover a seed\'s content), parseSignedDataContentInfo',
  expectedErrors: [CmsError, Asn1Error],
  tokens: [...ASN1_TOKENS, ...PEM_CMS_TOKENS],
  maxInputLength: 256 * 1024,
  structure: 'asn1',
  seeds: () => [...readSeedFolder('cms-signed'), ...corpusSeeds().signed],
  execute(input) {
    // verify reports malformed input as status 'error'; only a bug raises.
    const result = verify(input, { anchors: trustAnchors(), systemRoots: false, now: VERIFY_TIME });
    if (result.signatureValid && result.content && !genuineContents().has(Buffer.from(result.content).toString('base64'))) {
      throw new FuzzOracleError('verify reported a valid signature over content that no seed signed');
    }

    const der = decodeCmsArmour(input)?.der ?? input;
    parseSignedDataContentInfo(der);
  },
};

let identity: { certificate: Uint8Array; privateKey: ReturnType<typeof createPrivateKey> } | undefined;

function deviceIdentity(): NonNullable<typeof identity> {
  identity ??= {
    certificate: loadCertificates(readSeedFile('identity/device.pem'), 'device.pem')[0],
    privateKey: createPrivateKey(Buffer.from(readSeedFile('identity/device.key'))),
  };
  return identity;
}

export const cmsEnvelopedTarget: FuzzTarget = {
  name: 'cms-enveloped',
  description: 'decrypt with the recipient\'s key (CmsError only), describeEnvelope',
  expectedErrors: [CmsError, Asn1Error],
  tokens: ASN1_TOKENS,
  maxInputLength: 64 * 1024,
  structure: 'asn1',
  seeds: () => [...readSeedFolder('cms-enveloped'), ...corpusSeeds().enveloped],
  execute(input) {
    // The decrypt service turns every parse failure into CmsError; an Asn1Error from it is a finding.
    try {
      decrypt(input, deviceIdentity());
    } catch (error) {
      if (!(error instanceof CmsError)) throw error;
    }
    describeEnvelope(input);
  },
};
