// CalDAV: a calendar account.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.caldav.account; titles and descriptions are this project's own.

import { ACCOUNT_SUPPORT } from './account-support.ts';
import { NA, boolean, integer, payload, text } from './define.ts';

export const calDavSchema = payload({
  payloadType: 'com.apple.caldav.account',
  title: 'CalDAV calendar account',
  description: 'Adds a calendar account on a CalDAV server.',
  supportedOS: ACCOUNT_SUPPORT,
  keys: [
    text('CalDAVAccountDescription', { title: 'Account name', description: 'Name of the account shown in Calendar and Settings.' }),
    text('CalDAVHostName', { title: 'Server', required: true, description: 'Host name or address of the CalDAV server.' }),
    text('CalDAVUsername', { title: 'User name' }),
    text('CalDAVPassword', { title: 'Password', sensitive: true }),
    text('CalDAVPrincipalURL', { title: 'Principal URL', description: 'Base URL of the user\'s calendars.' }),
    boolean('CalDAVUseSSL', { title: 'Use TLS', default: true }),
    integer('CalDAVPort', { title: 'Port' }),
    text('VPNUUID', { title: 'Per-app VPN tag', description: 'Tag of the per-app VPN this account\'s traffic uses.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
  ],
});
