// SCEP: the device creates a key pair and gets its certificate from a SCEP server.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.security.scep; titles and descriptions are this project's own.

import { CERTIFICATE_SUPPORT } from './certificate-keys.ts';
import { subjectAltNameKey, subjectKey } from './certificate-request-keys.ts';
import { boolean, data, dictionary, integer, payload, text } from './define.ts';

export const scepSchema = payload({
  payloadType: 'com.apple.security.scep',
  title: 'SCEP',
  description: 'Has the device generate a key pair and enrol for a certificate with a SCEP server; other payloads use the identity by this payload\'s UUID.',
  supportedOS: CERTIFICATE_SUPPORT,
  keys: [
    dictionary(
      'PayloadContent',
      [
        text('URL', { title: 'Server URL', required: true, hint: 'url', description: 'Address of the SCEP server, including the scheme (http:// or https://).', os: { macOS: { introduced: '10.7' } } }),
        text('Name', { title: 'CA name', description: 'Name of the CA instance, passed to the server; often left empty.' }),
        subjectKey('SCEP', false),
        text('Challenge', { title: 'Challenge', sensitive: true, description: 'Pre-shared secret the SCEP server checks before issuing the certificate.' }),
        integer('Keysize', { title: 'Key size (bits)', default: 1024, rangeList: [1024, 2048, 4096], description: 'Size of the RSA key the device generates.' }),
        text('Key Type', { title: 'Key type', default: 'RSA', description: 'Type of the generated key; only RSA.' }),
        integer('Key Usage', { title: 'Key usage', default: 0, description: 'Bit mask: 1 signing, 4 encryption. Some CAs, such as Windows CA, support only one of them.', os: { macOS: { introduced: '10.11' } } }),
        data('CAFingerprint', { title: 'CA fingerprint', description: 'Fingerprint (hash) of the CA certificate, to check that the server uses the expected CA.' }),
        integer('Retries', { title: 'Retries', default: 3, description: 'Times to poll a server whose response is "pending".', os: { macOS: { introduced: '10.10' } } }),
        integer('RetryDelay', { title: 'Retry delay (seconds)', default: 10, description: 'Seconds between polls.', os: { macOS: { introduced: '10.10' } } }),
        subjectAltNameKey,
        boolean('KeyIsExtractable', { title: 'Key is extractable', default: true, description: 'Whether the private key may be exported from the keychain.', os: { macOS: { introduced: '10.13.4' } } }),
        boolean('AllowAllAppsAccess', { title: 'Allow all apps access', default: false, description: 'macOS: lets every app use the private key without asking.', os: { macOS: { introduced: '10.10' } } }),
      ],
      { title: 'SCEP request', required: true },
    ),
  ],
});
