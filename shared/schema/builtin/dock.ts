// Dock: size, position and behaviour of the macOS Dock, and the items it shows.
//
// Key names, types, allowed values and platform support follow Apple's device-management
// schema for com.apple.dock; titles and descriptions are this project's own.

import type { SupportedOS } from '../model.ts';
import { NA, anyValue, array, boolean, dictionary, integer, map, payload, text } from './define.ts';

/** Builds a `...-immutable` key: when true, the user cannot change the setting it names. */
function locked(name: string, what: string, os?: SupportedOS) {
  return boolean(name, { title: `Lock ${what}`, default: false, ...(os ? { os } : {}) });
}

const since = (introduced: string): SupportedOS => ({ macOS: { introduced } });

/** An app, file, folder or URL in the Dock. */
const dockItem = dictionary(
  'StaticItem',
  [
    dictionary(
      'tile-data',
      [
        text('label', { title: 'Label', required: true }),
        text('url', { title: 'URL', description: 'file:// URL of the app, file or folder, or the web address.' }),
        integer('file-type', { title: 'Item kind', required: true, rangeList: [0, 1, 3], description: '0 URL, 1 file or app, 3 folder.' }),
        map('file-data', anyValue('ANY', { title: 'Value' }), { title: 'File data' }),
      ],
      { title: 'Item', required: true },
    ),
    text('tile-type', { title: 'Tile type', required: true, rangeList: ['file-tile', 'directory-tile', 'url-tile'] }),
  ],
  { title: 'Dock item' },
);

export const dockSchema = payload({
  payloadType: 'com.apple.dock',
  title: 'Dock',
  description: 'Sets the size, position and behaviour of the macOS Dock and the apps, folders and links in it.',
  supportedOS: {
    iOS: NA,
    macOS: { introduced: '10.7', allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'forbidden' } },
    tvOS: NA,
    watchOS: NA,
    visionOS: NA,
  },
  keys: [
    integer('tilesize', { title: 'Icon size (points)', range: { min: 16, max: 128 } }),
    locked('size-immutable', 'icon size'),
    boolean('magnification', { title: 'Magnification', default: false }),
    locked('magnify-immutable', 'magnification'),
    integer('largesize', { title: 'Magnified size (points)', range: { min: 16, max: 128 } }),
    locked('magsize-immutable', 'magnified size'),
    text('orientation', { title: 'Position', rangeList: ['bottom', 'left', 'right'] }),
    locked('position-immutable', 'position'),
    text('mineffect', { title: 'Minimize effect', rangeList: ['genie', 'scale'] }),
    locked('mineffect-immutable', 'minimize effect'),
    text('windowtabbing', { title: 'Open documents in tabs', rangeList: ['manual', 'always', 'fullscreen'], os: since('10.15') }),
    locked('windowtabbing-immutable', 'tab preference', since('10.12')),
    text('dblclickbehavior', { title: 'Double-click on title bar', rangeList: ['minimize', 'maximize', 'none'], os: since('10.15') }),
    locked('dblclickbehavior-immutable', 'double-click behaviour', since('10.14')),
    boolean('minimize-to-application', { title: 'Minimize into app icon', default: false }),
    locked('minintoapp-immutable', 'minimize into app icon', since('10.14')),
    boolean('launchanim', { title: 'Animate opening apps', default: false }),
    locked('launchanim-immutable', 'opening animation'),
    boolean('autohide', { title: 'Hide automatically', default: false }),
    locked('autohide-immutable', 'hiding'),
    boolean('show-process-indicators', { title: 'Show indicators for open apps', default: false }),
    locked('showindicators-immutable', 'open-app indicators'),
    boolean('show-recents', { title: 'Show recent apps', default: false, os: since('10.14') }),
    locked('showrecents-immutable', 'recent apps', since('10.15')),
    locked('contents-immutable', 'Dock contents'),
    array(
      'MCXDockSpecialFolders',
      text('MCXDockSpecialFoldersItems', { title: 'Folder', rangeList: ['AddDockMCXMyApplicationsFolder', 'AddDockMCXDocumentsFolder', 'AddDockMCXSharedFolder', 'AddDockMCXOriginalNetworkHomeFolder'] }),
      { title: 'Special folders' },
    ),
    boolean('AllowDockFixupOverride', { title: 'Allow Dock fix-up override', default: false, os: since('10.12') }),
    boolean('static-only', { title: 'Show only the listed items', default: false }),
    array('static-others', dockItem, { title: 'Fixed files and folders', description: 'Items the user cannot remove, on the files side.' }),
    array('static-apps', dockItem, { title: 'Fixed apps', description: 'Apps the user cannot remove.' }),
    array('persistent-apps', dockItem, { title: 'Added apps', description: 'Apps added once; the user may remove them.' }),
    array('persistent-others', dockItem, { title: 'Added files and folders', description: 'Items added once on the files side; the user may remove them.' }),
  ],
});
