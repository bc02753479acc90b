// Over-the-air enrolment, phase 1: a profile whose root PayloadType is `Profile Service`.
//
// Apple's device-management YAML does not cover it; the keys follow Apple's over-the-air
// profile delivery documentation. The device posts the requested attributes, signed with its
// device certificate, to `URL`.

import { dictionary, integer, payload, text, textList } from './define.ts';

/** Device attribute names a Profile Service may request. */
export const DEVICE_ATTRIBUTES = ['UDID', 'VERSION', 'PRODUCT', 'SERIAL', 'MEID', 'IMEI', 'ICCID', 'MAC_ADDRESS_EN0', 'DEVICE_NAME'] as const;

export const profileServiceSchema = payload({
  payloadType: 'Profile Service',
  title: 'Profile Service (enrolment)',
  description: 'Asks the device for identifying attributes and posts them to a server, whose response is the next profile.',
  role: 'profile',
  supportedOS: {
    iOS: { introduced: '4.0' },
    macOS: { introduced: '10.7' },
  },
  keys: [
    text('PayloadIdentifier', { title: 'Identifier', required: true, description: 'Reverse-DNS name of the enrolment profile.' }),
    text('PayloadUUID', { title: 'UUID', required: true, description: 'Unique identifier of the enrolment profile.' }),
    text('PayloadType', { title: 'Type', required: true, rangeList: ['Profile Service'], description: 'Always "Profile Service".' }),
    integer('PayloadVersion', { title: 'Format version', required: true, rangeList: [1], description: 'Version of the format; always 1.' }),
    text('PayloadDisplayName', { title: 'Name', description: 'Name shown to the user while enrolling.' }),
    text('PayloadDescription', { title: 'Description', description: 'Tells the user what enrolling does.' }),
    text('PayloadOrganization', { title: 'Organization', description: 'Organization running the enrolment server.' }),
    dictionary(
      'PayloadContent',
      [
        text('URL', { title: 'Server URL', required: true, hint: 'url', description: 'Where the device posts its signed attribute list.' }),
        textList('DeviceAttributes', { title: 'Device attributes', required: true, description: 'Attributes the device reports.' }, { rangeList: [...DEVICE_ATTRIBUTES] }),
        text('Challenge', {
          title: 'Challenge',
          otherTypes: ['data'],
          sensitive: true,
          description: 'Token the server issued for this enrolment; the device returns it with the attributes.',
        }),
      ],
      { title: 'Enrolment request', required: true },
    ),
  ],
});

