// MDM: enrols the device with a mobile device management server.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.mdm; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, array, boolean, integer, payload, text } from './define.ts';

export const mdmSchema = payload({
  payloadType: 'com.apple.mdm',
  title: 'MDM',
  description: 'Enrols the device with an MDM server, which then manages it through push notifications and commands.',
  supportedOS: {
    iOS: { introduced: '4.0', allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.7', allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'allowed' } },
    tvOS: { introduced: '9.0', allowManualInstall: true },
    watchOS: { introduced: '10.0', supervised: true, allowManualInstall: false },
    visionOS: { introduced: '1.1', allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('IdentityCertificateUUID', {
      title: 'Identity',
      required: true,
      format: UUID_FORMAT,
      referencesPayload: true,
      description: 'PayloadUUID of the payload that supplies the device identity: a PKCS #12, SCEP or ACME payload in this profile.',
    }),
    text('Topic', { title: 'Push topic', required: true, description: 'Push topic of the MDM server\'s APNs certificate; it starts with com.apple.mgmt. and must not change.' }),
    text('ServerURL', { title: 'Server URL', required: true, format: '^https://.*$', description: 'HTTPS address where the device fetches commands; must not change once enrolled.' }),
    text('CheckInURL', { title: 'Check-in URL', format: '^https://.*$', description: 'HTTPS address for check-in messages; the server URL when left out.' }),
    boolean('SignMessage', { title: 'Sign messages', default: false, description: 'Adds a signature header to every message the device sends.' }),
    integer('AccessRights', {
      title: 'Access rights',
      description: 'Bit mask of what the server may do, from 1 (list profiles) to 4096 (manage apps); 8191 allows all.',
      os: { iOS: { userEnrollment: { mode: 'ignored' } }, macOS: { userEnrollment: { mode: 'ignored' } }, visionOS: { userEnrollment: { mode: 'ignored' } } },
    }),
    boolean('UseDevelopmentAPNS', { title: 'Use development APNs', default: false, description: 'Uses Apple\'s development push servers instead of the production ones.' }),
    text('ManagedAppleID', {
      title: 'Managed Apple Account',
      description: 'Account of the user for the old profile-based User Enrollment.',
      os: { iOS: { introduced: '13.1', deprecated: '17.0', removed: '18.0', userEnrollment: { mode: 'required' } }, macOS: { introduced: '10.15', deprecated: '14.0', removed: '15.0', userEnrollment: { mode: 'required' } }, tvOS: NA, watchOS: NA, visionOS: NA },
    }),
    text('AssignedManagedAppleID', { title: 'Assigned Managed Apple Account', description: 'Account the server assigns to the user in account-driven enrollment.', os: { iOS: { introduced: '15.0' }, macOS: { introduced: '14.0' }, tvOS: NA, watchOS: NA } }),
    text('EnrollmentMode', { title: 'Enrollment mode', rangeList: ['BYOD', 'ADDE'], description: 'Account-driven enrollment kind: BYOD (User Enrollment) or ADDE (Device Enrollment).', os: { iOS: { introduced: '15.0' }, macOS: { introduced: '14.0' }, tvOS: NA, watchOS: NA } }),
    array('ServerURLPinningCertificateUUIDs', text('ServerURLPinningCertificateUUIDsItem', { title: 'Certificate', required: true, referencesPayload: true }), {
      title: 'Pinned certificates for the server URL',
      description: 'PayloadUUIDs of certificate payloads the server\'s TLS chain must contain.',
      os: { iOS: { introduced: '13.4' }, macOS: { introduced: '10.13' }, tvOS: { introduced: '13.4' } },
    }),
    array('CheckInURLPinningCertificateUUIDs', text('CheckInURLPinningCertificateUUIDsItem', { title: 'Certificate', required: true, referencesPayload: true }), {
      title: 'Pinned certificates for the check-in URL',
      description: 'PayloadUUIDs of certificate payloads the check-in server\'s TLS chain must contain.',
      os: { iOS: { introduced: '13.4' }, macOS: { introduced: '10.13' }, tvOS: { introduced: '13.4' } },
    }),
    boolean('PinningRevocationCheckRequired', { title: 'Require revocation check', default: false, description: 'Fails the connection unless revocation checking confirms the pinned chain.', os: { iOS: { introduced: '13.4' }, macOS: { introduced: '10.13' }, tvOS: { introduced: '13.4' } } }),
    array('ServerCapabilities', text('ServerCapabilitiesItems', { title: 'Capability', rangeList: ['com.apple.mdm.per-user-connections', 'com.apple.mdm.bootstraptoken', 'com.apple.mdm.token'] }), {
      title: 'Server capabilities',
      description: 'Features the server supports, such as per-user connections (needed for Shared iPad and macOS user channels).',
    }),
    boolean('CheckOutWhenRemoved', { title: 'Check out when removed', default: false, description: 'Tells the server when the MDM profile is removed.' }),
    integer('RequiredAppIDForMDM', { title: 'Required app (App Store ID)', description: 'App the server may install without asking the user in account-driven enrollment.', os: { iOS: { introduced: '15.1' }, macOS: NA, tvOS: NA, watchOS: NA } }),
    boolean('PromptUserToAllowBootstrapTokenForAuthentication', {
      title: 'Ask to allow bootstrap token use',
      default: false,
      description: 'Warns the user that the MDM needs the bootstrap token for kernel extensions and some updates.',
      os: { iOS: NA, macOS: { introduced: '11.0' }, tvOS: NA, watchOS: NA, visionOS: NA },
    }),
  ],
});
