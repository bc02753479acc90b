// Fuzz targets of the X.509 parser and of openDocument, the entry point for any file that is
// dropped on the app or given to the CLI.

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { CmsError, describeCertificate } from '../../../shared/cms/index.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { openDocument } from '../../../shared/profile/open.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { readSeedFolder } from '../engine/files.ts';
import { tokenBytes, type FuzzTarget } from '../engine/target.ts';
import { corpusSeeds } from './corpus-seeds.ts';
import { binaryPlistTarget, xmlPlistTarget } from './plist.ts';
import { ASN1_TOKENS } from './shared-tokens.ts';

export const x509Target: FuzzTarget = {
  name: 'x509',
  description: 'parseCertificate and describeCertificate (Asn1Error only)',
  expectedErrors: [Asn1Error],
  tokens: ASN1_TOKENS,
  maxInputLength: 16 * 1024,
  structure: 'asn1',
  seeds: () => [...readSeedFolder('x509'), ...corpusSeeds().certificates],
  execute(input) {
    describeCertificate(parseCertificate(input));
  },
};

export const documentTarget: FuzzTarget = {
  name: 'document',
  description: 'openDocument on every kind of seed (PlistError, CmsError or Asn1Error only)',
  expectedErrors: [PlistError, CmsError, Asn1Error],
  tokens: [...xmlPlistTarget.tokens, ...binaryPlistTarget.tokens, ...ASN1_TOKENS, ...tokenBytes(['-----BEGIN CMS-----\n', '-----END CMS-----\n'])],
  maxInputLength: 1024 * 1024,
  seeds: () => [...xmlPlistTarget.seeds().slice(0, 6), ...binaryPlistTarget.seeds().slice(0, 6), ...readSeedFolder('cms-signed'), ...corpusSeeds().all],
  execute(input) {
    openDocument(input, { file: 'fuzz.mobileconfig' });
  },
};
