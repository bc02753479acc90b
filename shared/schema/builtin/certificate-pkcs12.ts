// An identity (certificate and private key) in a PKCS #12 file.

import { CERTIFICATE_SUPPORT, certificateFileName } from './certificate-keys.ts';
import { NA, boolean, data, payload, text } from './define.ts';

export const pkcs12Schema = payload({
  payloadType: 'com.apple.security.pkcs12',
  title: 'Identity (PKCS #12)',
  description: 'Installs a certificate with its private key from a password-protected PKCS #12 file.',
  supportedOS: CERTIFICATE_SUPPORT,
  keys: [
    certificateFileName,
    data('PayloadContent', { title: 'PKCS #12 file', required: true, sensitive: true, description: 'The PKCS #12 file; it contains the private key.' }),
    text('Password', { title: 'Password', sensitive: true, description: 'Password of the PKCS #12 file; without it the device asks the user.' }),
    boolean('AllowAllAppsAccess', {
      title: 'Allow all apps access',
      default: false,
      description: 'macOS: lets every app use the private key without asking.',
      os: { iOS: NA, macOS: { introduced: '10.10' }, tvOS: NA, watchOS: NA, visionOS: NA },
    }),
    boolean('KeyIsExtractable', {
      title: 'Key is extractable',
      default: true,
      description: 'macOS: whether the private key may be exported from the keychain.',
      os: { iOS: NA, macOS: { introduced: '10.15' }, tvOS: NA, watchOS: NA, visionOS: NA },
    }),
  ],
});
