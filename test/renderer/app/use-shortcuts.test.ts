import { describe, expect, it } from 'vitest';

import { shortcutCommand } from '../../../renderer/app/use-shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutCommand', () => {
  it('maps Control keys on Windows and Linux', () => {
    expect(shortcutCommand(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutCommand(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutCommand(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutCommand(key('f', { ctrlKey: true }), false)).toBe('find');
  });

  it('maps Command keys on macOS', () => {
    expect(shortcutCommand(key('z', { metaKey: true }), true)).toBe('undo');
    expect(shortcutCommand(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(shortcutCommand(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutCommand(key('y', { metaKey: true }), true)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutCommand(key('z'), false)).toBeNull();
    expect(shortcutCommand(key('s', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutCommand(key('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});
