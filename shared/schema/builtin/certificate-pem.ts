// A certificate without a private key, as PEM text in a data value.

import { CERTIFICATE_SUPPORT, certificateContent, certificateFileName } from './certificate-keys.ts';
import { payload } from './define.ts';

export const pemCertificateSchema = payload({
  payloadType: 'com.apple.security.pem',
  title: 'Certificate (PEM)',
  description: 'Installs a certificate without a private key, given as PEM; root certificates are allowed.',
  supportedOS: CERTIFICATE_SUPPORT,
  keys: [certificateFileName, certificateContent('The PEM text of the certificate, stored as data (base64 in the XML), not as a string.')],
});
