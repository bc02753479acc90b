// Service management: background items (launch agents, daemons, login items) the user cannot turn off.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.servicemanagement; titles and descriptions are this project's own.

import { NA, array, dictionary, payload, text } from './define.ts';

export const serviceManagementSchema = payload({
  payloadType: 'com.apple.servicemanagement',
  title: 'Service Management - Managed Login Items',
  description: 'Marks macOS background items as managed, by bundle identifier, launchd label or team, so that users cannot turn them off.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '13.0', multiple: true, allowManualInstall: false, deviceChannel: true, userChannel: false, userApprovedMdm: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    array(
      'Rules',
      dictionary(
        'Rule',
        [
          text('RuleType', { title: 'Match by', required: true, rangeList: ['BundleIdentifier', 'BundleIdentifierPrefix', 'Label', 'LabelPrefix', 'TeamIdentifier'] }),
          text('RuleValue', { title: 'Value', required: true, description: 'The bundle identifier, launchd label, prefix or team identifier to match.' }),
          text('Comment', { title: 'Comment' }),
          text('TeamIdentifier', { title: 'Team ID', description: 'Also require this team\'s signature.' }),
        ],
        { title: 'Rule', required: true },
      ),
      { title: 'Rules', required: true },
    ),
  ],
});
