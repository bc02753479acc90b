// Web content filter: Apple's built-in web filter or a filter provided by an app.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.webcontent-filter; titles and descriptions are this project's own.

import { NA, UUID_FORMAT, anyValue, array, boolean, dictionary, map, payload, text, textList } from './define.ts';

const macOS1015 = { iOS: NA, macOS: { introduced: '10.15' }, visionOS: NA };

function bookmark(name: string) {
  return dictionary(name, [text('URL', { title: 'URL', required: true, hint: 'url' }), text('Title', { title: 'Title', required: true })], { title: 'Bookmark' });
}

export const webContentFilterSchema = payload({
  payloadType: 'com.apple.webcontent-filter',
  title: 'Web Content Filter',
  description: 'Filters web content, either with the built-in filter (allowed and denied URLs) or through a filter app\'s network extension.',
  supportedOS: {
    iOS: { introduced: '7.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
    macOS: { introduced: '10.15', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: false, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: { introduced: '1.1', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
  },
  keys: [
    text('FilterType', { title: 'Filter type', default: 'BuiltIn', rangeList: ['BuiltIn', 'Plugin'], description: 'BuiltIn is Apple\'s filter; Plugin is an app\'s filter extension.', os: { iOS: { introduced: '8.0' } } }),

    // Built-in filter
    boolean('AutoFilterEnabled', { title: 'Limit adult content', default: false, os: { macOS: NA } }),
    textList('PermittedURLs', { title: 'Always allowed URLs', description: 'URLs allowed even when adult content is limited.', os: { macOS: NA } }, { title: 'URL' }),
    array('BlacklistedURLs', text('BlacklistedURLItems', { title: 'URL' }), { title: 'Denied URLs (old name)', os: { iOS: { deprecated: '14.5' }, macOS: NA, visionOS: NA } }),
    array('DenyListURLs', text('DenyListURLItems', { title: 'URL' }), { title: 'Denied URLs', os: { iOS: { introduced: '14.5' }, macOS: NA } }),
    boolean('HideDenyListURLs', { title: 'Hide denied URLs', default: false, os: { iOS: { introduced: '18.0' }, macOS: NA, visionOS: { introduced: '2.0' } } }),
    array('WhitelistedBookmarks', bookmark('WhitelistedBookmarksItem'), { title: 'Allowed sites only (old name)', os: { iOS: { deprecated: '14.5' }, macOS: NA, visionOS: NA } }),
    array('AllowListBookmarks', bookmark('AllowListBookmarksItem'), { title: 'Allowed sites only', description: 'When set, only these sites open.', os: { iOS: { introduced: '14.5' }, macOS: NA } }),

    // Filter app
    text('UserDefinedName', { title: 'Name', description: 'Name of the filter shown to the user.' }),
    text('PluginBundleID', { title: 'Filter app bundle ID' }),
    text('ServerAddress', { title: 'Server address', description: 'Address of the filter service, passed to the app.' }),
    text('UserName', { title: 'User name' }),
    text('Password', { title: 'Password', sensitive: true }),
    text('PayloadCertificateUUID', { title: 'Identity', format: UUID_FORMAT, referencesPayload: true, description: 'PayloadUUID of an identity payload passed to the filter.' }),
    text('Organization', { title: 'Organization' }),
    map('VendorConfig', anyValue('ANY', { title: 'Setting', required: true }), { title: 'Vendor settings', description: 'Settings for the filter app; their keys are the vendor\'s.' }),
    boolean('FilterBrowsers', { title: 'Filter browser traffic', default: false, os: { macOS: NA } }),
    boolean('FilterSockets', { title: 'Filter socket traffic', default: false }),
    text('FilterDataProviderDesignatedRequirement', { title: 'Data provider code requirement', os: macOS1015 }),
    text('FilterDataProviderBundleIdentifier', { title: 'Data provider bundle ID', os: macOS1015 }),
    boolean('FilterPackets', { title: 'Filter packets', default: false, os: macOS1015 }),
    text('FilterPacketProviderDesignatedRequirement', { title: 'Packet provider code requirement', os: macOS1015 }),
    text('FilterPacketProviderBundleIdentifier', { title: 'Packet provider bundle ID', os: macOS1015 }),
    text('FilterGrade', { title: 'Filter grade', default: 'firewall', rangeList: ['firewall', 'inspector'], description: 'Order among several filters: firewalls see traffic before inspectors.', os: macOS1015 }),
    text('ContentFilterUUID', { title: 'Content filter tag', description: 'Tag that ties managed apps to this filter.', os: { iOS: { introduced: '16.0' }, macOS: NA } }),
  ],
});
