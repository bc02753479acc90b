// A certificate without a private key, as DER.

import { CERTIFICATE_SUPPORT, certificateContent, certificateFileName } from './certificate-keys.ts';
import { payload } from './define.ts';

export const pkcs1CertificateSchema = payload({
  payloadType: 'com.apple.security.pkcs1',
  title: 'Certificate (PKCS #1)',
  description: 'Installs a certificate without a private key, such as an intermediate CA or a server certificate to pin.',
  supportedOS: CERTIFICATE_SUPPORT,
  keys: [certificateFileName, certificateContent('The certificate, DER-encoded.')],
});
