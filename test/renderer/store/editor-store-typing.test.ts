// The editor store and its deferred view under typing in the XML editor. Every state must equal
// what a fresh full parse of the same text gives, whether the store read the edit alone or the
// whole text. The cases add undo, redo, form edits, loads, parse errors and CRLF line ends.

import { describe, expect, it } from 'vitest';

import type { DocumentInfo } from '../../../shared/ipc/contract.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { str } from '../../../shared/plist/model.ts';
import { parseXmlPlistText } from '../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { builtinSchemas } from '../../../shared/schema/index.ts';
import { getAt, setAt } from '../../../shared/profile/edit/paths.ts';
import { addPayload, newPayload, newProfile } from '../../../shared/profile/edit/profile.ts';
import { createDeferredView, type Scheduler } from '../../../renderer/store/deferred-view.ts';
import { defaultEditorDeps } from '../../../renderer/store/editor-deps.ts';
import { createEditorStore, isTypingChange, type EditorState, type EditorStore } from '../../../renderer/store/editor-store.ts';
import { firstDifference } from '../../support/plist-difference.ts';

const PROFILE_UUID = '6E1C4B8A-0D3F-4C9E-8B2A-1F5D7E9C0A11';
const PAYLOAD_UUIDS = ['0B6F2D4E-8A1C-4E3B-9D5F-7C2A4E6B8D22', '1C7A3E5F-9B2D-4F4C-8E6A-8D3B5F7C9E33', '2D8B4F6A-AC3E-4A5D-9F7B-9E4C6A8DAF44'];

/** Returns a profile of three Wi-Fi payloads, as the form writes it. */
function profileText(): string {
  const wifi = builtinSchemas().get('com.apple.wifi.managed')!;
  let root = newProfile(PROFILE_UUID) as ReturnType<typeof addPayload>;
  for (const uuid of PAYLOAD_UUIDS) root = addPayload(root, newPayload(wifi, uuid, 'com.example.profile'));
  return writeXmlPlist(root);
}

function documentWith(text: string, displayName = 'Untitled'): DocumentInfo {
  return { documentId: '0f8fad5b-d9cb-469f-a165-70867728950e', filePath: null, displayName, text, source: 'new', kind: 'profile', signed: false, encrypted: false, warnings: [], notes: [], edited: false };
}

/** Returns a scheduler whose tasks the test runs by hand. */
function manualScheduler() {
  const tasks: (() => void)[] = [];
  const schedule: Scheduler = (task) => {
    tasks.push(task);
    return () => {
      const index = tasks.indexOf(task);
      if (index >= 0) tasks.splice(index, 1);
    };
  };
  return { schedule, pending: () => tasks.length, runAll: () => tasks.splice(0).forEach((task) => task()) };
}

/** Returns a store with a fake clock and counted full parses, loaded with `text`, and a deferred view of it. */
function setup(text = profileText()) {
  let clock = 10_000;
  let fullParses = 0;
  const store = createEditorStore({ ...defaultEditorDeps, parse: (t, file) => (fullParses++, defaultEditorDeps.parse(t, file)), now: () => clock });
  const scheduler = manualScheduler();
  const view = createDeferredView(store, isTypingChange, scheduler.schedule);
  store.getState().load(documentWith(text));
  return { store, view, scheduler, tick: (ms: number) => (clock += ms), fullParses: () => fullParses };
}

/** Types `keys` one at a time at `offset`, 50 ms apart, as Monaco reports each key. */
function typeAt(store: EditorStore, tick: (ms: number) => void, offset: number, keys: string): void {
  for (let i = 0; i < keys.length; i++) {
    const text = store.getState().text;
    store.getState().editText(text.slice(0, offset + i) + keys[i] + text.slice(offset + i));
    tick(50);
  }
}

/** Deletes `count` characters before `offset`, one Backspace at a time. */
function backspaceAt(store: EditorStore, tick: (ms: number) => void, offset: number, count = 1): void {
  for (let i = 0; i < count; i++) {
    const text = store.getState().text;
    store.getState().editText(text.slice(0, offset - i - 1) + text.slice(offset - i));
    tick(50);
  }
}

/** Checks the model, the findings and the parse problem against a fresh full parse of the state's text. */
function expectFreshParse(state: EditorState): void {
  let full;
  try {
    full = parseXmlPlistText(state.text, { file: 'Untitled' }).value;
  } catch (error) {
    if (!(error instanceof PlistError)) throw error;
    expect(state.parseProblem).toEqual({ message: error.reason, line: error.line, column: error.column });
    return;
  }
  expect(state.parseProblem).toBeNull();
  expect(firstDifference(state.model!, full)).toBeNull();
  expect(state.diagnostics).toEqual(defaultEditorDeps.validate(full, state.validation));
}

function uuidEnd(text: string, uuid: string): number {
  return text.indexOf(`<string>${uuid}</string>`) + '<string>'.length + uuid.length;
}

describe('editor store typing', () => {
  it('matches a full parse after each key', () => {
    const { store, tick, fullParses } = setup();

    // A suffix that makes the second payload's UUID invalid, key by key.
    typeAt(store, tick, uuidEnd(store.getState().text, PAYLOAD_UUIDS[1]), '-bad');
    expectFreshParse(store.getState());
    expect(store.getState().diagnostics.find((d) => d.path === 'PayloadContent[1].PayloadUUID')?.code).toBe('payload-uuid-not-uuid');

    // Enter and Tab after the root's first key: every later line moves down.
    const afterKey = store.getState().text.indexOf('</key>') + '</key>'.length;
    typeAt(store, tick, afterKey, '\n\t');
    expectFreshParse(store.getState());

    // The first payload's PayloadDisplayName key renamed by typing, then Backspace over the typed key.
    const keyEnd = store.getState().text.indexOf('<key>PayloadDisplayName</key>') + '<key>PayloadDisplayName'.length;
    typeAt(store, tick, keyEnd, 'X');
    expectFreshParse(store.getState());
    backspaceAt(store, tick, keyEnd + 1);
    expectFreshParse(store.getState());

    // Every key above was read without a full parse: only the load parsed the whole text.
    expect(fullParses()).toBe(1);
  });

  it('restores text and model on undo and redo', () => {
    const { store, tick } = setup();
    const original = store.getState().text;
    typeAt(store, tick, uuidEnd(original, PAYLOAD_UUIDS[0]), 'abc');
    const afterFirst = store.getState().text;
    tick(5000);
    typeAt(store, tick, original.indexOf('<dict>') + '<dict>'.length, '\n\n');
    const afterSecond = store.getState().text;

    store.getState().undo();
    expect(store.getState().text).toBe(afterFirst);
    expectFreshParse(store.getState());
    store.getState().undo();
    expect(store.getState().text).toBe(original);
    expectFreshParse(store.getState());

    store.getState().redo();
    expect(store.getState().text).toBe(afterFirst);
    expectFreshParse(store.getState());
    store.getState().redo();
    expect(store.getState().text).toBe(afterSecond);
    expectFreshParse(store.getState());

    // Typing after undo goes on from the restored text.
    store.getState().undo();
    typeAt(store, tick, uuidEnd(afterFirst, `${PAYLOAD_UUIDS[0]}abc`), 'd');
    expectFreshParse(store.getState());
    expect(store.getState().history.future).toEqual([]);
  });

  it('reports a parse error and clears it on the fix', () => {
    const { store, tick, fullParses } = setup();
    const before = store.getState().model;
    const at = uuidEnd(store.getState().text, PAYLOAD_UUIDS[2]);

    typeAt(store, tick, at, '<');
    expectFreshParse(store.getState());
    expect(store.getState().parseProblem?.message).toContain('<string> contains the element');
    expect(store.getState().model).toBe(before);

    backspaceAt(store, tick, at + 1);
    expectFreshParse(store.getState());
    expect(store.getState().parseProblem).toBeNull();
    // The fix follows a text that did not parse, so the whole text is read again.
    expect(fullParses()).toBe(3);

    // The next key reads only the edited value again.
    typeAt(store, tick, at, 'x');
    expectFreshParse(store.getState());
    expect(fullParses()).toBe(3);
  });

  it('reads a document loaded with CRLF line ends', () => {
    const crlf = profileText().replaceAll('\n', '\r\n');
    const { store, tick, fullParses } = setup(crlf);
    expectFreshParse(store.getState());
    const line = store.getState().diagnostics.map((d) => d.line);

    // Monaco's buffer uses LF, so the first key arrives as an LF text.
    const lf = crlf.replaceAll('\r\n', '\n');
    const at = lf.indexOf('<string>Untitled Profile') + '<string>'.length;
    store.getState().editText(`${lf.slice(0, at)}x${lf.slice(at)}`);
    expectFreshParse(store.getState());
    expect(store.getState().diagnostics.map((d) => d.line)).toEqual(line);
    expect(fullParses()).toBe(2);

    typeAt(store, tick, at + 1, 'yz');
    expectFreshParse(store.getState());
    expect(fullParses()).toBe(2);

    // Undo gives back the text as it was loaded, CR and all.
    tick(5000);
    store.getState().undo();
    expect(store.getState().text).toBe(crlf);
    expectFreshParse(store.getState());

    // Typing straight into CRLF text is read in full.
    typeAt(store, tick, crlf.indexOf('Untitled Profile'), 'q');
    expectFreshParse(store.getState());
  });
});

describe('editor store selection under typing', () => {
  it('follows a payload moved by typing', () => {
    const { store } = setup();
    store.getState().select({ kind: 'payload', index: 1 });

    // Cut the first payload's dictionary out of the XML.
    const text = store.getState().text;
    const first = text.indexOf('\t\t<dict>');
    const second = text.indexOf('\t\t<dict>', first + 1);
    store.getState().editText(text.slice(0, first) + text.slice(second));

    expect(store.getState().selection).toEqual({ kind: 'payload', index: 0 });
    expect(getAt(store.getState().model!, ['PayloadContent', 0, 'PayloadUUID'])).toMatchObject(str(PAYLOAD_UUIDS[1]));

    store.getState().undo();
    expect(store.getState().selection).toEqual({ kind: 'payload', index: 1 });
  });

  it('keeps a payload whose UUID is being typed', () => {
    const { store, tick } = setup();
    store.getState().select({ kind: 'payload', index: 2 });
    typeAt(store, tick, uuidEnd(store.getState().text, PAYLOAD_UUIDS[2]), 'x');
    expect(store.getState().selection).toEqual({ kind: 'payload', index: 2 });
  });

  it('falls back to General when the payload is gone', () => {
    const { store } = setup();
    store.getState().select({ kind: 'payload', index: 2 });
    const text = store.getState().text;
    const last = text.lastIndexOf('\t\t<dict>');
    const end = text.indexOf('\t\t</dict>', last) + '\t\t</dict>\n'.length;
    store.getState().editText(text.slice(0, last) + text.slice(end));
    expectFreshParse(store.getState());
    expect(store.getState().selection).toEqual({ kind: 'general' });
  });
});

describe('editor store deferred view', () => {
  it('shows a form edit at once over deferred typing', () => {
    const { store, view, scheduler, tick } = setup();
    const seen: string[] = [];
    view.subscribe((state) => seen.push(state.text));

    typeAt(store, tick, uuidEnd(store.getState().text, PAYLOAD_UUIDS[0]), 'x');
    expect(view.getState().text).not.toBe(store.getState().text);
    expect(scheduler.pending()).toBe(1);

    store.getState().editModel((root) => setAt(root, ['PayloadDisplayName'], str('Form edit')), 'field:name');
    expect(view.getState()).toBe(store.getState());
    expect(scheduler.pending()).toBe(0);
    expect(seen).toEqual([store.getState().text]);
    expect(store.getState().text).toContain(`<string>${PAYLOAD_UUIDS[0]}x</string>`);
    expect(store.getState().text).toContain('<string>Form edit</string>');
    expectFreshParse(view.getState());
  });

  it('shows a load at once over deferred typing', () => {
    const { store, view, scheduler, tick } = setup();
    typeAt(store, tick, uuidEnd(store.getState().text, PAYLOAD_UUIDS[0]), 'x');
    const other = writeXmlPlist(newProfile(PROFILE_UUID));
    store.getState().load(documentWith(other, 'other.mobileconfig'));

    expect(view.getState()).toBe(store.getState());
    expect(view.getState().text).toBe(other);
    expect(scheduler.pending()).toBe(0);
    scheduler.runAll();
    expect(view.getState().text).toBe(other);
    expectFreshParse(view.getState());
  });

  it('publishes the latest of several deferred keys', () => {
    const { store, view, scheduler, tick } = setup();
    typeAt(store, tick, uuidEnd(store.getState().text, PAYLOAD_UUIDS[0]), 'xyz');
    expect(scheduler.pending()).toBe(1);
    scheduler.runAll();
    expect(view.getState()).toBe(store.getState());
    expectFreshParse(view.getState());
  });
});
