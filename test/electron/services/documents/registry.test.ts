import { describe, expect, it } from 'vitest';

import { DocumentRegistry, UnknownDocumentError, displayNameOf } from '../../../../electron/services/documents/registry.ts';

describe('DocumentRegistry', () => {
  it('creates UUID ids', () => {
    const record = new DocumentRegistry().create(1, null);
    expect(record.documentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.title).toBe('Untitled');
  });

  it('hides documents of other windows', () => {
    const registry = new DocumentRegistry();
    const record = registry.create(1, '/p/a.mobileconfig');
    expect(registry.get(record.documentId, 1).filePath).toBe('/p/a.mobileconfig');
    expect(() => registry.get(record.documentId, 2)).toThrow(UnknownDocumentError);
  });

  it('removes a window and its documents', () => {
    const registry = new DocumentRegistry();
    registry.create(1, null);
    registry.create(1, null);
    const other = registry.create(2, null);
    expect(registry.removeOwner(1)).toHaveLength(2);
    expect(registry.all()).toEqual([other]);
  });
});

describe('displayNameOf', () => {
  it('names untitled and saved documents', () => {
    expect(displayNameOf(null)).toBe('Untitled');
    expect(displayNameOf('/p/Wi-Fi.mobileconfig')).toBe('Wi-Fi.mobileconfig');
  });
});
