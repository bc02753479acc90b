import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { buildMenuTemplate, type MenuActions } from '../../../electron/menu/template.ts';
import type { MenuCommand } from '../../../shared/ipc/contract.ts';

function actions(platform: NodeJS.Platform, sent: MenuCommand[] = [], opened: string[] = []): MenuActions {
  return {
    platform,
    appName: 'Mobileconfig Studio',
    recent: [{ filePath: '/p/Wi-Fi.mobileconfig', displayName: 'Wi-Fi.mobileconfig' }],
    send: (command) => sent.push(command),
    openRecent: (filePath) => opened.push(filePath),
    clearRecent: () => undefined,
    closeFocusedWindow: () => undefined,
  };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function byLabel(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = flatten(items).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

describe('buildMenuTemplate', () => {
  it('gives the usual shortcuts', () => {
    const template = buildMenuTemplate(actions('linux'));
    const shortcuts = Object.fromEntries(
      ['New Profile', 'Open…', 'Save', 'Save As…', 'Export…', 'Close', 'Undo', 'Redo', 'Find…', 'Validate'].map((label) => [label, byLabel(template, label).accelerator]),
    );
    expect(shortcuts).toEqual({
      'New Profile': 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'Shift+CmdOrCtrl+S',
      'Export…': 'CmdOrCtrl+E',
      Close: 'CmdOrCtrl+W',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'Shift+CmdOrCtrl+Z',
      'Find…': 'CmdOrCtrl+F',
      Validate: 'Shift+CmdOrCtrl+M',
    });
  });

  it('leaves editing keys to the page', () => {
    const template = buildMenuTemplate(actions('linux'));
    expect(byLabel(template, 'Undo').registerAccelerator).toBe(false);
    expect(byLabel(template, 'Redo').registerAccelerator).toBe(false);
    expect(byLabel(template, 'Find…').registerAccelerator).toBe(false);
    expect(byLabel(template, 'Save').registerAccelerator).toBe(true);
  });

  it('uses Ctrl+Y for redo on Windows', () => {
    expect(byLabel(buildMenuTemplate(actions('win32')), 'Redo').accelerator).toBe('Ctrl+Y');
  });

  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate(actions('darwin'))[0].label).toBe('Mobileconfig Studio');
    expect(buildMenuTemplate(actions('linux'))[0].label).toBe('File');
  });

  it('sends commands and opens recent files', () => {
    const sent: MenuCommand[] = [];
    const opened: string[] = [];
    const template = buildMenuTemplate(actions('linux', sent, opened));
    const click = (label: string) => (byLabel(template, label).click as () => void)();
    click('Save');
    click('Validate');
    click('Wi-Fi.mobileconfig');
    expect(sent).toEqual(['save', 'validate']);
    expect(opened).toEqual(['/p/Wi-Fi.mobileconfig']);
  });

  it('shows an empty recent list as disabled', () => {
    const template = buildMenuTemplate({ ...actions('linux'), recent: [] });
    expect(byLabel(template, 'No Recent Documents').enabled).toBe(false);
    expect(byLabel(template, 'Clear Menu').enabled).toBe(false);
  });
});
