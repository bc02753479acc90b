// Keys every payload dictionary has.
//
// Key names, types and allowed values follow Apple's device-management schema for the common
// payload keys; titles and descriptions are this project's own.

import { integer, payload, text } from './define.ts';

export const commonKeysSchema = payload({
  payloadType: 'CommonPayloadKeys',
  title: 'Common payload keys',
  description: 'Identity and display keys that every payload carries besides its own settings.',
  role: 'common',
  keys: [
    text('PayloadIdentifier', {
      title: 'Identifier',
      required: true,
      description: 'Reverse-DNS name of the payload, unique within the profile; usually the profile identifier plus a suffix.',
    }),
    text('PayloadUUID', { title: 'UUID', required: true, description: 'Unique identifier of the payload; other payloads refer to it by this value.' }),
    text('PayloadType', { title: 'Payload type', required: true, description: 'Kind of payload, such as com.apple.wifi.managed.' }),
    integer('PayloadVersion', { title: 'Format version', required: true, rangeList: [1], description: 'Version of the payload format; 1.' }),
    text('PayloadDescription', { title: 'Description', description: 'Shown on the profile detail screen.' }),
    text('PayloadDisplayName', { title: 'Name', description: 'Name of the payload shown on the detail screen.' }),
    text('PayloadOrganization', { title: 'Organization', description: 'Organization that provides the payload.' }),
  ],
});
