// A CA certificate to trust, as DER.

import { CERTIFICATE_SUPPORT, certificateContent, certificateFileName } from './certificate-keys.ts';
import { payload } from './define.ts';

export const rootCertificateSchema = payload({
  payloadType: 'com.apple.security.root',
  title: 'Certificate (root)',
  description: 'Installs a root or intermediate CA certificate; the same payload as PKCS #1 under another name.',
  supportedOS: CERTIFICATE_SUPPORT,
  keys: [certificateFileName, certificateContent('The certificate, DER-encoded.')],
});
