import { describe, expect, it } from 'vitest';

import type { DocumentInfo } from '../../../shared/ipc/contract.ts';
import { str } from '../../../shared/plist/model.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { builtinSchemas } from '../../../shared/schema/index.ts';
import { getAt, setAt } from '../../../shared/profile/edit/paths.ts';
import { addPayload, newPayload, newProfile } from '../../../shared/profile/edit/profile.ts';
import { defaultEditorDeps } from '../../../renderer/store/editor-deps.ts';
import { createEditorStore, isDirty } from '../../../renderer/store/editor-store.ts';

const PROFILE_UUID = '6E1C4B8A-0D3F-4C9E-8B2A-1F5D7E9C0A11';
const WIFI_UUID = '0B6F2D4E-8A1C-4E3B-9D5F-7C2A4E6B8D22';
const DOC_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function documentWith(text: string, overrides: Partial<DocumentInfo> = {}): DocumentInfo {
  return {
    documentId: DOC_ID,
    filePath: null,
    displayName: 'Untitled',
    text,
    source: 'new',
    kind: 'profile',
    signed: false,
    encrypted: false,
    warnings: [],
    notes: [],
    edited: false,
    ...overrides,
  };
}

/** A store with a fake clock, loaded with a profile holding one Wi-Fi payload. */
function setup() {
  let clock = 10_000;
  const store = createEditorStore({ ...defaultEditorDeps, now: () => clock });
  const wifi = newPayload(builtinSchemas().get('com.apple.wifi.managed')!, WIFI_UUID, 'com.example.profile');
  store.getState().load(documentWith(writeXmlPlist(addPayload(newProfile(PROFILE_UUID), wifi))));
  return { store, tick: (ms: number) => (clock += ms) };
}

/** 1-based line of the first line of `text` that contains `needle`, counted independently of the parser. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('editor store load', () => {
  it('parses and validates', () => {
    const { store } = setup();
    const state = store.getState();
    expect(state.parseProblem).toBeNull();
    expect(state.kind).toBe('profile');
    expect(getAt(state.model!, ['PayloadContent', 0, 'PayloadUUID'])).toMatchObject(str(WIFI_UUID));
    expect(isDirty(state)).toBe(false);
  });

  it('marks a recovered draft dirty', () => {
    const store = createEditorStore(defaultEditorDeps);
    store.getState().load(documentWith(writeXmlPlist(newProfile(PROFILE_UUID)), { edited: true, source: 'draft' }));
    expect(isDirty(store.getState())).toBe(true);
  });

  it('keeps invalid text of an opened file', () => {
    const store = createEditorStore(defaultEditorDeps);
    store.getState().load(documentWith('<plist version="1.0"><dict><key>A</key></dict></plist>'));
    const state = store.getState();
    expect(state.model).toBeNull();
    expect(state.parseProblem?.line).toBe(1);
    expect(state.text).toBe('<plist version="1.0"><dict><key>A</key></dict></plist>');
  });
});

describe('editor store form edits', () => {
  it('writes the XML and reparses', () => {
    const { store } = setup();
    const ok = store.getState().editModel((root) => setAt(root, ['PayloadContent', 0, 'SSID_STR'], str('Office')), 'field:SSID');
    const state = store.getState();
    expect(ok).toBe(true);
    expect(state.text).toContain('\t\t\t<key>SSID_STR</key>\n\t\t\t<string>Office</string>');
    expect(getAt(state.model!, ['PayloadContent', 0, 'SSID_STR'])?.pos?.line).toBe(lineOf(state.text, '<string>Office</string>'));
    expect(state.externalRevision).toBe(2);
    expect(isDirty(state)).toBe(true);
  });

  it('reports a bad UUID at its line', () => {
    const { store } = setup();
    store.getState().editModel((root) => setAt(root, ['PayloadContent', 0, 'PayloadUUID'], str('not-a-uuid')), 'field:uuid');
    const state = store.getState();
    const finding = state.diagnostics.find((d) => d.path === 'PayloadContent[0].PayloadUUID');
    expect(finding?.code).toBe('payload-uuid-not-uuid');
    expect(finding?.line).toBe(lineOf(state.text, '<string>not-a-uuid</string>'));
    expect(finding?.column).toBe(4);
  });

  it('refuses form edits while the XML is invalid', () => {
    const { store } = setup();
    const valid = store.getState().text;
    store.getState().editText(valid.replace('</dict>\n</plist>', '</dic>\n</plist>'));
    const ok = store.getState().editModel((root) => setAt(root, ['PayloadDisplayName'], str('X')), null);
    expect(ok).toBe(false);
    expect(store.getState().editError).toMatch(/^Fix the XML error on line \d+ first/);
  });
});

describe('editor store XML edits', () => {
  it('updates the model from valid text', () => {
    const { store } = setup();
    const text = store.getState().text.replace('<string>Untitled Profile</string>', '<string>Office Wi-Fi</string>');
    store.getState().editText(text);
    expect(getAt(store.getState().model!, ['PayloadDisplayName'])).toMatchObject(str('Office Wi-Fi'));
    expect(store.getState().externalRevision).toBe(1);
  });

  it('keeps the last valid model on a parse error', () => {
    const { store } = setup();
    const before = store.getState().model;
    const broken = store.getState().text.replace('<string>Untitled Profile</string>', '<strin>Untitled Profile</string>');
    store.getState().editText(broken);
    const state = store.getState();
    expect(state.text).toBe(broken);
    expect(state.model).toBe(before);
    expect(state.parseProblem?.line).toBe(lineOf(broken, '<strin>'));
    expect(state.parseProblem?.column).toBe(2);
    expect(state.parseProblem?.message).toContain('strin');
  });
});

describe('editor store typing in large documents', () => {
  /** Creates a store loaded like setup() that counts its full parses. */
  function countingSetup() {
    let fullParses = 0;
    const store = createEditorStore({ ...defaultEditorDeps, parse: (text, file) => (fullParses++, defaultEditorDeps.parse(text, file)), now: () => 0 });
    const wifi = newPayload(builtinSchemas().get('com.apple.wifi.managed')!, WIFI_UUID, 'com.example.profile');
    store.getState().load(documentWith(writeXmlPlist(addPayload(newProfile(PROFILE_UUID), wifi))));
    return { store, fullParses: () => fullParses };
  }

  it('reparses only the typed value', () => {
    const { store, fullParses } = countingSetup();
    const text = store.getState().text.replace(`<string>${WIFI_UUID}</string>`, '<string>not-a-uuid</string>');
    store.getState().editText(text);

    const state = store.getState();
    expect(fullParses()).toBe(1);
    expect(getAt(state.model!, ['PayloadContent', 0, 'PayloadUUID'])).toMatchObject(str('not-a-uuid'));
    expect(state.diagnostics.find((d) => d.path === 'PayloadContent[0].PayloadUUID')?.line).toBe(lineOf(text, 'not-a-uuid'));
  });

  it('moves finding below typed line break', () => {
    const { store, fullParses } = countingSetup();
    store.getState().editText(store.getState().text.replace(`<string>${WIFI_UUID}</string>`, '<string>not-a-uuid</string>'));
    const text = store.getState().text.replace('<string>Untitled Profile</string>', '<string>Untitled\nProfile</string>');
    store.getState().editText(text);

    const finding = store.getState().diagnostics.find((d) => d.path === 'PayloadContent[0].PayloadUUID');
    expect(fullParses()).toBe(1);
    expect(finding?.line).toBe(lineOf(text, 'not-a-uuid'));
    expect(finding?.column).toBe(text.split('\n')[lineOf(text, 'not-a-uuid') - 1].indexOf('<string>') + 1);
  });

  it('falls back to full parse', () => {
    const { store, fullParses } = countingSetup();
    store.getState().editText(store.getState().text.replace('<string>Untitled Profile</string>', '<string>Untitled Profile</string><!-- note -->'));
    expect(fullParses()).toBe(2);
  });
});

describe('editor store undo', () => {
  it('undoes form and XML edits in one history', () => {
    const { store, tick } = setup();
    const original = store.getState().text;
    store.getState().editModel((root) => setAt(root, ['PayloadDisplayName'], str('A')), 'field:name');
    const afterForm = store.getState().text;
    tick(5000);
    store.getState().editText(afterForm.replace('<string>A</string>', '<string>B</string>'));
    store.getState().undo();
    expect(store.getState().text).toBe(afterForm);
    store.getState().undo();
    expect(store.getState().text).toBe(original);
    store.getState().redo();
    expect(store.getState().text).toBe(afterForm);
  });

  it('merges typing in one field', () => {
    const { store, tick } = setup();
    const original = store.getState().text;
    for (const value of ['h', 'ht', 'htt', 'http']) {
      store.getState().editModel((root) => setAt(root, ['PayloadDisplayName'], str(value)), 'field:name');
      tick(100);
    }
    store.getState().undo();
    expect(store.getState().text).toBe(original);
  });

  it('clears a parse problem on undo', () => {
    const { store } = setup();
    store.getState().editText('<plist');
    expect(store.getState().parseProblem).not.toBeNull();
    store.getState().undo();
    expect(store.getState().parseProblem).toBeNull();
    expect(store.getState().externalRevision).toBe(2);
  });

  it('restores the selection', () => {
    const { store } = setup();
    store.getState().select({ kind: 'payload', index: 0 });
    store.getState().editModel((root) => setAt(root, ['PayloadContent'], { kind: 'array', items: [] }), null, { kind: 'general' });
    expect(store.getState().selection).toEqual({ kind: 'general' });
    store.getState().undo();
    expect(store.getState().selection).toEqual({ kind: 'payload', index: 0 });
  });
});

describe('editor store save', () => {
  it('clears dirty and renames', () => {
    const { store } = setup();
    store.getState().editModel((root) => setAt(root, ['PayloadDisplayName'], str('A')), null);
    store.getState().markSaved(store.getState().text, { filePath: '/p/a.mobileconfig', displayName: 'a.mobileconfig', savedAt: '2026-12-04T10:00:00Z' });
    const state = store.getState();
    expect(isDirty(state)).toBe(false);
    expect(state.document?.displayName).toBe('a.mobileconfig');
    expect(state.document?.filePath).toBe('/p/a.mobileconfig');
  });
});

describe('editor store validation settings', () => {
  it('reports integer booleans as errors when strict', () => {
    const { store } = setup();
    store.getState().editModel((root) => setAt(root, ['PayloadRemovalDisallowed'], { kind: 'integer', value: 1n }), null);
    const finding = () => store.getState().diagnostics.find((d) => d.path === 'PayloadRemovalDisallowed');
    expect(finding()?.code).toBe('boolean-as-integer');
    expect(finding()?.severity).toBe('warning');
    store.getState().setValidation({ strict: true });
    expect(finding()?.severity).toBe('error');
  });

  it('keeps the settings when a document loads', () => {
    const { store } = setup();
    store.getState().setValidation({ platform: 'iOS' });
    store.getState().load(documentWith(writeXmlPlist(newProfile(PROFILE_UUID))));
    expect(store.getState().validation.platform).toBe('iOS');
  });
});
