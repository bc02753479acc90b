// Keyboard shortcuts the page handles itself: undo, redo and find.
//
// These run in the capture phase so that text inputs and Monaco do not apply their own undo:
// the store's history covers both editors. The native menu shows the same shortcuts without
// registering them, so each key press acts once.

import { useEffect } from 'react';

import type { MenuCommand } from '../../shared/ipc/contract.ts';
import type { Controller } from './controller.ts';

/** Returns the command for a key press, or null for keys the page leaves alone. */
export function shortcutCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): MenuCommand | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !mac && !event.shiftKey) return 'redo';
  if (key === 'f' && !event.shiftKey) return 'find';
  return null;
}

export function useShortcuts(controller: Controller): void {
  useEffect(() => {
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    const onKeyDown = (event: KeyboardEvent) => {
      const command = shortcutCommand(event, mac);
      if (!command) return;
      // Inside Monaco, its own find widget handles Find.
      if (command === 'find' && (event.target as Element | null)?.closest?.('.monaco-editor')) return;
      event.preventDefault();
      event.stopPropagation();
      void controller.run(command);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [controller]);
}
