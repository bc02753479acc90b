// Notifications: per-app notification settings.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.notificationsettings; titles and descriptions are this project's own.

import { NA, array, boolean, dictionary, integer, payload, text } from './define.ts';

export const notificationsSchema = payload({
  payloadType: 'com.apple.notificationsettings',
  title: 'Notifications',
  description: 'Sets how apps may notify: alerts, badges, sounds, lock screen and Notification Center.',
  supportedOS: {
    iOS: { introduced: '9.3', supervised: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: true }, userEnrollment: { mode: 'forbidden' } },
    macOS: { introduced: '10.15', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    array(
      'NotificationSettings',
      dictionary(
        'NotificationSettingsItem',
        [
          text('BundleIdentifier', { title: 'App bundle ID', required: true }),
          boolean('NotificationsEnabled', { title: 'Allow notifications', default: true }),
          boolean('ShowInNotificationCenter', { title: 'Show in Notification Center', default: true }),
          boolean('ShowInLockScreen', { title: 'Show on lock screen', default: true }),
          integer('AlertType', { title: 'Alert style', default: 1, rangeList: [0, 1, 2], description: '0 none, 1 banner that goes away by itself, 2 banner that stays until dismissed.' }),
          boolean('BadgesEnabled', { title: 'Badges', default: true }),
          boolean('SoundsEnabled', { title: 'Sounds', default: true }),
          boolean('ShowInCarPlay', { title: 'Show in CarPlay', default: true, os: { iOS: { introduced: '12.0' }, macOS: NA } }),
          boolean('CriticalAlertEnabled', { title: 'Critical alerts', default: false, description: 'Lets the app play sounds even in Do Not Disturb.', os: { iOS: { introduced: '12.0' } } }),
          integer('GroupingType', { title: 'Grouping', default: 0, rangeList: [0, 1, 2], description: '0 automatic, 1 by app, 2 off.', os: { iOS: { introduced: '12.0' }, macOS: NA } }),
          integer('PreviewType', { title: 'Previews', rangeList: [0, 1, 2], description: '0 always, 1 when unlocked, 2 never.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
        ],
        { title: 'App' },
      ),
      { title: 'Apps', required: true },
    ),
  ],
});
