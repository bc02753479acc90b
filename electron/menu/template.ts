// The native menu, as a template Electron's Menu.buildFromTemplate accepts.
//
// Built from plain callbacks so that tests check labels and shortcuts without Electron.
// `CmdOrCtrl` is Command on macOS and Control elsewhere; Redo follows each platform's habit
// (Shift+Command+Z on macOS, Control+Y on Windows, Shift+Control+Z on Linux).

import type { MenuItemConstructorOptions } from 'electron';

import type { MenuCommand, RecentEntry } from '../../shared/ipc/contract.ts';

/** Commands whose keys the page handles (see renderer/app/use-shortcuts.ts). */
const PAGE_SHORTCUTS: ReadonlySet<MenuCommand> = new Set(['undo', 'redo', 'find']);

export interface MenuActions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly recent: readonly RecentEntry[];
  /** Sends a command to the focused window (opening one first when none is open). */
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  closeFocusedWindow(): void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = actions.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    // The page handles undo, redo and find keys itself (one history across its text fields and
    // the XML editor); the menu shows those shortcuts without registering them, so that one
    // key press acts once.
    registerAccelerator: !PAGE_SHORTCUTS.has(command),
    click: () => actions.send(command),
  });

  const recentItems: MenuItemConstructorOptions[] = actions.recent.map((entry) => ({
    label: entry.displayName,
    toolTip: entry.filePath,
    click: () => actions.openRecent(entry.filePath),
  }));
  const openRecent: MenuItemConstructorOptions = {
    label: 'Open Recent',
    submenu: [
      ...(recentItems.length > 0 ? recentItems : [{ label: 'No Recent Documents', enabled: false }]),
      { type: 'separator' },
      { label: 'Clear Menu', enabled: recentItems.length > 0, click: () => actions.clearRecent() },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New Profile', 'new', 'CmdOrCtrl+N'),
      item('Open…', 'open', 'CmdOrCtrl+O'),
      openRecent,
      { type: 'separator' },
      item('Inspect…', 'inspect', 'CmdOrCtrl+I'),
      item('Inspect Folder…', 'inspect-folder'),
      { type: 'separator' },
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
      item('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      item('Certificates and Identities…', 'certificates'),
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeFocusedWindow() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const redoAccelerator = actions.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z';
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      item('Undo', 'undo', 'CmdOrCtrl+Z'),
      item('Redo', 'redo', redoAccelerator),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      item('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const profileMenu: MenuItemConstructorOptions = {
    label: 'Profile',
    submenu: [item('Validate', 'validate', 'Shift+CmdOrCtrl+M'), { type: 'separator' }, item('Load Payload Schemas from Folder…', 'load-schemas')],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: actions.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [...appMenu, fileMenu, editMenu, profileMenu, viewMenu, { role: 'windowMenu' }];
}
