// Passcode: rules for the device passcode or the Mac login password.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.mobiledevice.passwordpolicy; titles and descriptions are this project's own.

import type { SupportedOS } from '../model.ts';
import { NA, boolean, dictionary, integer, map, payload, text } from './define.ts';

const ignoredInUserEnrollment: SupportedOS = { iOS: { userEnrollment: { mode: 'ignored' } }, visionOS: { userEnrollment: { mode: 'ignored' } } };

export const passcodeSchema = payload({
  payloadType: 'com.apple.mobiledevice.passwordpolicy',
  title: 'Passcode',
  description: 'Sets rules for the device passcode or Mac password: length, complexity, maximum age, history and auto-lock.',
  supportedOS: {
    iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'forbidden' }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: { introduced: '10.0', multiple: true, allowManualInstall: true },
    visionOS: { introduced: '2.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    boolean('allowSimple', { title: 'Allow simple passcodes', default: true, description: 'Allows repeated or sequential characters such as 1111 or abcd.', os: ignoredInUserEnrollment }),
    boolean('forcePIN', { title: 'Require a passcode', default: false, os: ignoredInUserEnrollment }),
    integer('maxFailedAttempts', { title: 'Maximum failed attempts', default: 11, range: { min: 2, max: 11 }, description: 'Failed attempts after which iOS erases the device or macOS locks it.', os: ignoredInUserEnrollment }),
    integer('maxInactivity', { title: 'Auto-lock (minutes)', range: { min: 0, max: 15 }, description: 'Minutes of inactivity before the device locks.', os: ignoredInUserEnrollment }),
    integer('maxPINAgeInDays', { title: 'Maximum passcode age (days)', range: { min: 0, max: 730 }, description: 'Days after which the passcode must change; 0 for never.', os: ignoredInUserEnrollment }),
    integer('minComplexChars', { title: 'Minimum special characters', default: 0, range: { min: 0, max: 4 }, description: 'Characters other than letters and digits the passcode needs.', os: { iOS: { userEnrollment: { mode: 'ignored' } }, watchOS: NA, visionOS: { userEnrollment: { mode: 'ignored' } } } }),
    integer('minLength', { title: 'Minimum length', default: 0, range: { min: 0, max: 16 }, os: ignoredInUserEnrollment }),
    boolean('requireAlphanumeric', { title: 'Require letters and digits', default: false, os: { iOS: { userEnrollment: { mode: 'ignored' } }, watchOS: NA, visionOS: { userEnrollment: { mode: 'ignored' } } } }),
    integer('pinHistory', { title: 'Passcode history', range: { min: 1, max: 50 }, description: 'Number of earlier passcodes that may not be reused.', os: ignoredInUserEnrollment }),
    integer('maxGracePeriod', { title: 'Grace period (minutes)', default: 0, description: 'Minutes after locking during which the device unlocks without the passcode.', os: ignoredInUserEnrollment }),
    integer('minutesUntilFailedLoginReset', { title: 'Failed-login reset (minutes)', description: 'macOS: minutes after which the failed-attempt count resets.', os: { iOS: NA, macOS: { introduced: '10.10', userEnrollment: { mode: 'ignored' } }, watchOS: NA, visionOS: NA } }),
    boolean('changeAtNextAuth', { title: 'Change at next login', default: false, description: 'macOS: makes the user change the password at the next login.', os: { iOS: NA, macOS: { introduced: '10.13', userEnrollment: { mode: 'ignored' } }, watchOS: NA, visionOS: NA } }),
    dictionary(
      'customRegex',
      [
        text('passwordContentRegex', { title: 'Pattern', required: true, description: 'Regular expression the password must match.' }),
        map('passwordContentDescription', text('ANY', { title: 'Text' }), { title: 'Explanation', description: 'Text shown to the user, by language code.' }),
      ],
      { title: 'Custom password rule', description: 'macOS: a regular expression the password must match.', os: { iOS: NA, macOS: { introduced: '14.0' }, watchOS: NA, visionOS: NA } },
    ),
  ],
});
