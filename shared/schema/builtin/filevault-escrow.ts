// FileVault recovery key escrow: sends the FileVault personal recovery key to the MDM server.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.security.FDERecoveryKeyEscrow; titles and descriptions are this
// project's own.

import { NA, payload, text } from './define.ts';

export const fileVaultEscrowSchema = payload({
  payloadType: 'com.apple.security.FDERecoveryKeyEscrow',
  title: 'FileVault recovery key escrow',
  description: 'Encrypts the FileVault personal recovery key to a certificate and reports it to the MDM server.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.13', allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    text('Location', { title: 'Location', required: true, description: 'Where the key is kept, shown to the user in the login window and recovery.' }),
    text('EncryptCertPayloadUUID', { title: 'Encryption certificate', required: true, referencesPayload: true, description: 'PayloadUUID of the certificate payload the recovery key is encrypted to.' }),
    text('DeviceKey', { title: 'Device key', description: 'Value sent back with the key, such as the serial number, to match it to the device.' }),
  ],
});
