// Element ids for form fields, derived from key paths so that Problems can focus a field.

import { formatKeyPath, type KeyPath } from '../../../shared/profile/edit/paths.ts';

/** Returns a stable, valid element id for the field at `path`. */
export function fieldId(path: KeyPath, suffix = ''): string {
  const readable = formatKeyPath(path).replace(/[^A-Za-z0-9_-]/g, '_');
  return `field-${readable}-${hash(formatKeyPath(path))}${suffix ? `-${suffix}` : ''}`;
}

/** Short FNV-1a hash, so that paths that differ only in punctuation get different ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
