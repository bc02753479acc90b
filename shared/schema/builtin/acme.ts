// ACME: the device gets a certificate from an ACME server, optionally with hardware attestation.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.security.acme; titles and descriptions are this project's own.

import { subjectAltNameKey, subjectKey } from './certificate-request-keys.ts';
import { NA, array, boolean, integer, payload, text } from './define.ts';

export const acmeSchema = payload({
  payloadType: 'com.apple.security.acme',
  title: 'ACME certificate',
  description: 'Has the device request a certificate from an ACME server, with a key that may be bound to the Secure Enclave and attested.',
  supportedOS: {
    iOS: { introduced: '16.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '13.1', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
    tvOS: { introduced: '16.0', multiple: true, allowManualInstall: true },
    watchOS: { introduced: '9.0', multiple: true, allowManualInstall: true },
    visionOS: { introduced: '1.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('DirectoryURL', { title: 'Directory URL', required: true, hint: 'url', description: 'The ACME server\'s directory URL.' }),
    text('ClientIdentifier', { title: 'Client identifier', required: true, description: 'Unique value the server uses to tell requests apart and to stop reuse.' }),
    integer('KeySize', { title: 'Key size (bits)', required: true, description: 'RSA: a multiple of 8 from 1024 to 4096. ECSECPrimeRandom: the curve, 192, 256, 384 or 521; hardware-bound keys allow only 256 and 384.' }),
    text('KeyType', { title: 'Key type', required: true, rangeList: ['RSA', 'ECSECPrimeRandom'], description: 'RSA, or ECSECPrimeRandom for an elliptic-curve key.' }),
    boolean('HardwareBound', { title: 'Hardware bound', required: true, description: 'Keeps the private key in the Secure Enclave, where it cannot be exported.' }),
    subjectKey('ACME', true),
    subjectAltNameKey,
    integer('UsageFlags', { title: 'Key usage', description: 'Bit mask: 1 signing, 4 encryption, 5 both.' }),
    array('ExtendedKeyUsage', text('OID', { title: 'OID', description: 'Extended key usage OID, such as 1.3.6.1.5.5.7.3.2 for client authentication.' }), { title: 'Extended key usage' }),
    boolean('Attest', { title: 'Attest', default: false, description: 'Sends the server an attestation that the key is hardware bound and which device holds it.', os: { watchOS: { introduced: '10.0' } } }),
    boolean('KeyIsExtractable', { title: 'Key is extractable', default: true, description: 'macOS: whether a software key may be exported.', os: { iOS: NA, tvOS: NA, watchOS: NA, visionOS: NA } }),
    boolean('AllowAllAppsAccess', { title: 'Allow all apps access', default: false, description: 'macOS: lets every app use the private key without asking.', os: { iOS: NA, tvOS: NA, watchOS: NA, visionOS: NA } }),
  ],
});
