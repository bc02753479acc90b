// CardDAV: a contacts account.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.carddav.account; titles and descriptions are this project's own.

import { ACCOUNT_SUPPORT } from './account-support.ts';
import { NA, boolean, dictionary, integer, payload, text } from './define.ts';

export const cardDavSchema = payload({
  payloadType: 'com.apple.carddav.account',
  title: 'CardDAV contacts account',
  description: 'Adds a contacts account on a CardDAV server.',
  supportedOS: ACCOUNT_SUPPORT,
  keys: [
    text('CardDAVAccountDescription', { title: 'Account name', description: 'Name of the account shown in Contacts and Settings.', os: { macOS: { introduced: '10.7' } } }),
    text('CardDAVHostName', { title: 'Server', required: true, description: 'Host name or address of the CardDAV server.', os: { macOS: { introduced: '10.7' } } }),
    text('CardDAVUsername', { title: 'User name', os: { macOS: { introduced: '10.7' } } }),
    text('CardDAVPassword', { title: 'Password', sensitive: true, os: { macOS: { introduced: '10.7' } } }),
    text('CardDAVPrincipalURL', { title: 'Principal URL', description: 'Base URL of the user\'s address book.', os: { macOS: NA } }),
    boolean('CardDAVUseSSL', { title: 'Use TLS', default: true, os: { macOS: { introduced: '10.7' } } }),
    integer('CardDAVPort', { title: 'Port', os: { macOS: { introduced: '10.7' } } }),
    dictionary('CommunicationServiceRules', [
      dictionary('DefaultServiceHandlers', [
        text('AudioCall', { title: 'Audio call app', description: 'Bundle identifier of the app that places audio calls.', os: { iOS: { introduced: '10.0' }, macOS: NA } }),
      ], { title: 'Default service handlers', os: { iOS: { introduced: '10.0' }, macOS: NA } }),
    ], { title: 'Calling app', description: 'App used for calls to this account\'s contacts.', os: { iOS: { introduced: '10.0' }, macOS: NA } }),
    text('VPNUUID', { title: 'Per-app VPN tag', description: 'Tag of the per-app VPN this account\'s traffic uses.', os: { iOS: { introduced: '14.0' }, macOS: NA } }),
  ],
});
