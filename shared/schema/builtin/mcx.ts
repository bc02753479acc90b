// Legacy macOS settings delivered as com.apple.MCX: time server, energy saver, guest account,
// mobile accounts, Wi-Fi admin rules and FileVault switches.
//
// Apple documents this payload type in six files, one per area; this schema joins their keys.
// Key names, types, allowed values and platform support follow those files; titles and
// descriptions are this project's own.

import { boolean, dictionary, integer, macOnly, payload, text } from './define.ts';

/** Sleep and wake settings of one power source; timers are minutes, 0 meaning never. */
function powerSettings(name: string, title: string) {
  const timer = (key: string, what: string) => integer(key, { title: `${what} (minutes)`, rangeList: [0], range: { min: 1, max: 180 }, description: `Minutes of inactivity before the ${what.toLowerCase()} starts; 0 for never.` });
  const onOff = (key: string, what: string) => integer(key, { title: what, rangeList: [0, 1], description: '1 to turn on, 0 to turn off.' });
  return dictionary(
    name,
    [
      timer('Display Sleep Timer', 'Display sleep'),
      timer('Disk Sleep Timer', 'Disk sleep'),
      timer('System Sleep Timer', 'System sleep'),
      onOff('Reduce Processor Speed', 'Reduce processor speed'),
      onOff('Dynamic Power Step', 'Dynamic power step'),
      onOff('Wake on LAN', 'Wake on LAN'),
      onOff('Wake On Modem Ring', 'Wake on modem ring'),
      onOff('Automatic Restart On Power Loss', 'Restart after power loss'),
    ],
    { title },
  );
}

/** Builds a scheduled power event: kind, days as a bit mask (1 Monday ... 64 Sunday) and minutes after midnight. */
function powerEvent(name: string, title: string) {
  return dictionary(
    name,
    [
      text('eventtype', { title: 'Event', required: true, rangeList: ['wake', 'poweron', 'wakepoweron', 'sleep', 'shutdown', 'restart'] }),
      integer('weekdays', { title: 'Days', description: 'Bit mask of weekdays: 1 Monday, 2 Tuesday, ... 64 Sunday.' }),
      integer('time', { title: 'Time', description: 'Minutes after midnight.' }),
    ],
    { title },
  );
}

export const mcxSchema = payload({
  payloadType: 'com.apple.MCX',
  title: 'macOS managed settings (MCX)',
  description: 'Older macOS settings for time, power, guest and mobile accounts, Wi-Fi changes and FileVault.',
  supportedOS: {
    ...macOnly('10.7'),
    macOS: { introduced: '10.7', deviceChannel: true, userChannel: false, allowManualInstall: true, userEnrollment: { mode: 'forbidden' } },
  },
  keys: [
    // Time server
    text('timeServer', { title: 'Time server', hint: 'hostname', description: 'NTP server the Mac sets its clock from.' }),
    text('timeZone', { title: 'Time zone', description: 'Time zone name from the tz database, such as Europe/Zurich.' }),

    // Energy saver
    powerSettings('com.apple.EnergySaver.desktop.ACPower', 'Desktop on power adapter'),
    powerSettings('com.apple.EnergySaver.portable.ACPower', 'Laptop on power adapter'),
    powerSettings('com.apple.EnergySaver.portable.BatteryPower', 'Laptop on battery'),
    dictionary('com.apple.EnergySaver.desktop.Schedule', [powerEvent('RepeatingPowerOn', 'Scheduled power on'), powerEvent('RepeatingPowerOff', 'Scheduled power off')], { title: 'Power schedule' }),
    boolean('SleepDisabled', { title: 'Disable sleep', default: false, description: 'Keeps the Mac from sleeping.' }),
    boolean('DestroyFVKeyOnStandby', { title: 'Forget FileVault key on standby', default: false, description: 'Removes the FileVault key from memory in standby, so waking needs the password.', os: { macOS: { introduced: '10.9' } } }),

    // Accounts
    boolean('EnableGuestAccount', { title: 'Enable guest account', default: false, description: 'Turns the guest user on.', os: { macOS: { introduced: '10.7' } } }),
    boolean('DisableGuestAccount', { title: 'Disable guest account', default: false, description: 'Turns the guest user off.', os: { macOS: { introduced: '10.7' } } }),
    boolean('com.apple.cachedaccounts.CreateAtLogin', { title: 'Create mobile account at login', default: false, description: 'Creates a mobile (cached) account when a network user logs in.' }),
    boolean('com.apple.cachedaccounts.WarnOnCreate', { title: 'Confirm before creating mobile account', default: false, description: 'Asks the user before creating the mobile account.' }),
    boolean('cachedaccounts.WarnOnCreate.allowNever', { title: 'Offer "Don\'t ask again"', default: false, description: 'Lets the user turn the confirmation off.' }),
    integer('cachedaccounts.expiry.delete.disusedSeconds', { title: 'Delete unused mobile accounts after (seconds)', default: -1, description: 'Seconds without use after which a mobile account is deleted; -1 keeps them.' }),
    boolean('cachedaccounts.askForSecureTokenAuthBypass', { title: 'Skip secure token prompt', default: false, description: 'Creates mobile accounts without asking for a secure-token admin.' }),

    // Wi-Fi administration
    boolean('RequireAdminForIBSS', { title: 'Admin needed for computer-to-computer networks', default: false, os: { macOS: { introduced: '10.9' } } }),
    boolean('RequireAdminForAirPortNetworkChange', { title: 'Admin needed to change Wi-Fi network', default: false, os: { macOS: { introduced: '10.9' } } }),
    boolean('RequireAdminToTurnAirPortOnOff', { title: 'Admin needed to turn Wi-Fi on or off', default: false, os: { macOS: { introduced: '10.9' } } }),

    // FileVault
    boolean('dontAllowFDEDisable', { title: 'Prevent turning FileVault off', default: false }),
    boolean('dontAllowFDEEnable', { title: 'Prevent turning FileVault on', default: false }),
  ],
});
