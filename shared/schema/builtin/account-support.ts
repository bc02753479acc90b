// Platform support shared by the CalDAV, CardDAV and Mail account payloads, as Apple's
// device-management schemas list it for each of them.

import type { SupportedOS } from '../model.ts';
import { NA } from './define.ts';

export const ACCOUNT_SUPPORT: SupportedOS = {
  iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: false, userChannel: true }, userEnrollment: { mode: 'allowed' } },
  macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: false, userChannel: true, userEnrollment: { mode: 'allowed' } },
  tvOS: NA,
  watchOS: NA,
  visionOS: { introduced: '1.1', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
};
