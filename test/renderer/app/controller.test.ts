import { describe, expect, it } from 'vitest';

import type { DocumentInfo, IpcEventName, IpcEvents, IpcMethod, IpcRequest, IpcResponse } from '../../../shared/ipc/contract.ts';
import { str } from '../../../shared/plist/model.ts';
import { writeXmlPlist } from '../../../shared/plist/xml/writer.ts';
import { createController, DRAFT_DELAY_MS, type Timers } from '../../../renderer/app/controller.ts';
import { createUiStore } from '../../../renderer/app/ui-store.ts';
import { IpcCallError, type IpcClient } from '../../../renderer/ipc/client.ts';
import { setAt } from '../../../shared/profile/edit/paths.ts';
import { newProfile } from '../../../shared/profile/edit/profile.ts';
import { defaultEditorDeps } from '../../../renderer/store/editor-deps.ts';
import { createEditorStore, isDirty } from '../../../renderer/store/editor-store.ts';

const NEW_ID = '11111111-1111-4111-8111-111111111111';
const OPENED_ID = '22222222-2222-4222-8222-222222222222';

/** Returns a fake main process that responds from `responses`, records every call and lets the test fire events. */
function fakeClient(responses: Partial<{ [M in IpcMethod]: (request: IpcRequest<M>) => IpcResponse<M> | Promise<IpcResponse<M>> }>) {
  const calls: { method: IpcMethod; request: unknown }[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const client: IpcClient = {
    async call(method, request) {
      calls.push({ method, request });
      const respond = responses[method] as ((request: unknown) => unknown) | undefined;
      if (!respond) return null as never;
      return (await respond(request)) as never;
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (payload: unknown) => void]);
      return () => undefined;
    },
  };
  const emit = <E extends IpcEventName>(event: E, payload: IpcEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { client, calls, emit };
}

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(callback) {
      queue.set(next, callback);
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fire() {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((c) => c());
    },
    pending: () => queue.size,
  };
}

const opened: DocumentInfo = {
  documentId: OPENED_ID,
  filePath: '/p/wifi.mobileconfig',
  displayName: 'wifi.mobileconfig',
  text: writeXmlPlist(newProfile('6E1C4B8A-0D3F-4C9E-8B2A-1F5D7E9C0A11')),
  source: 'xml',
  kind: 'profile',
  signed: false,
  encrypted: false,
  warnings: ['wifi.mobileconfig:1: white space before the XML declaration'],
  notes: [],
  edited: false,
};

function setup(responses: Parameters<typeof fakeClient>[0] = {}) {
  const fake = fakeClient({
    'app.startup': () => ({ platform: 'linux', appVersion: '0.1.0', pendingDocument: null, drafts: [] }),
    'document.create': () => ({ documentId: NEW_ID }),
    'recent.list': () => [],
    ...responses,
  });
  const editor = createEditorStore(defaultEditorDeps);
  const ui = createUiStore();
  const timers = manualTimers();
  const controller = createController(fake.client, editor, ui, timers);
  return { ...fake, editor, ui, timers, controller };
}

const rename = (name: string) => (root: Parameters<typeof setAt>[0]) => setAt(root, ['PayloadDisplayName'], str(name));

describe('controller start', () => {
  it('starts with a new profile', async () => {
    const { controller, editor, calls } = setup();
    await controller.start();
    expect(editor.getState().document?.documentId).toBe(NEW_ID);
    expect(editor.getState().kind).toBe('profile');
    const methods = calls.map((c) => c.method);
    expect(methods.slice(0, 2)).toEqual(['app.startup', 'document.create']);
    expect([...methods.slice(2)].sort()).toEqual(['document.setEdited', 'recent.list']);
  });

  it('shows a document the OS opened', async () => {
    const { controller, editor, ui } = setup({ 'app.startup': () => ({ platform: 'linux', appVersion: '0.1.0', pendingDocument: opened, drafts: [] }) });
    await controller.start();
    expect(editor.getState().document?.displayName).toBe('wifi.mobileconfig');
    expect(ui.getState().notices.map((n) => n.message)).toEqual(['wifi.mobileconfig:1: white space before the XML declaration']);
  });
});

describe('controller autosave', () => {
  it('writes a draft after edits and reports the edited state', async () => {
    const { controller, editor, timers, calls } = setup();
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    editor.getState().editModel(rename('AB'), null);
    expect(timers.pending()).toBe(1);
    timers.fire();
    await Promise.resolve();
    const drafts = calls.filter((c) => c.method === 'draft.write');
    expect(drafts).toHaveLength(1);
    expect(drafts[0].request).toEqual({ documentId: NEW_ID, text: editor.getState().text });
    expect(calls.filter((c) => c.method === 'document.setEdited').map((c) => c.request)).toEqual([
      { documentId: NEW_ID, edited: false, title: 'Untitled' },
      { documentId: NEW_ID, edited: true, title: 'Untitled — Edited' },
    ]);
    expect(DRAFT_DELAY_MS).toBe(2000);
  });
});

describe('controller save', () => {
  it('saves and marks clean', async () => {
    const { controller, editor, ui } = setup({ 'document.save': () => ({ filePath: '/p/a.mobileconfig', displayName: 'a.mobileconfig', savedAt: '2026-12-04T10:00:00Z' }) });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    expect(await controller.save()).toBe(true);
    expect(isDirty(editor.getState())).toBe(false);
    expect(ui.getState().notices.at(-1)?.message).toBe('Saved a.mobileconfig.');
  });

  it('refuses to save invalid XML', async () => {
    const { controller, editor, ui, calls } = setup();
    await controller.start();
    editor.getState().editText('<plist><dict>');
    expect(await controller.save()).toBe(false);
    expect(calls.some((c) => c.method === 'document.save')).toBe(false);
    expect(ui.getState().notices.at(-1)?.message).toMatch(/^The XML has an error on line 1: .+\. Fix it before saving\.$/);
  });

  it('shows the main process error', async () => {
    const { controller, editor, ui } = setup({
      'document.save': () => {
        throw new IpcCallError('document.save', 'file-error', 'Could not save /p/a.mobileconfig: the disk is full. The file on disk was not changed.');
      },
    });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    expect(await controller.save()).toBe(false);
    expect(ui.getState().notices.at(-1)).toMatchObject({ tone: 'error', message: 'Could not save /p/a.mobileconfig: the disk is full. The file on disk was not changed.' });
  });
});

describe('controller unsaved changes', () => {
  it('asks before opening over edits and keeps them on cancel', async () => {
    const { controller, editor, ui, calls } = setup({ 'document.open': () => opened });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    const opening = controller.openDocument();
    await Promise.resolve();
    expect(ui.getState().confirm?.message).toBe('Do you want to save the changes you made to Untitled?');
    ui.getState().answer('cancel');
    await opening;
    expect(calls.some((c) => c.method === 'document.open')).toBe(false);
    expect(editor.getState().document?.documentId).toBe(NEW_ID);
  });

  it('discards and opens, closing the old document', async () => {
    const { controller, editor, ui, calls } = setup({ 'document.open': () => opened });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    const opening = controller.openDocument();
    await Promise.resolve();
    ui.getState().answer('discard');
    await opening;
    expect(editor.getState().document?.documentId).toBe(OPENED_ID);
    expect(calls.filter((c) => c.method === 'document.close').map((c) => c.request)).toEqual([{ documentId: NEW_ID }]);
  });
});

describe('controller commands', () => {
  it('runs menu commands from events', async () => {
    const { controller, editor, emit } = setup();
    await controller.start();
    const original = editor.getState().text;
    editor.getState().editModel(rename('A'), null);
    emit('command', { command: 'undo' });
    expect(editor.getState().text).toBe(original);
    emit('command', { command: 'redo' });
    expect(editor.getState().text).not.toBe(original);
  });

  it('saves then closes on save-and-close', async () => {
    const { controller, editor, calls } = setup({ 'document.save': () => ({ filePath: '/p/a.mobileconfig', displayName: 'a.mobileconfig', savedAt: '2026-12-04T10:00:00Z' }) });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    await controller.run('save-and-close');
    const methods = calls.map((c) => c.method);
    expect(methods.at(-1)).toBe('window.close');
    expect(methods.indexOf('document.save')).toBeGreaterThan(-1);
    expect(methods.indexOf('document.save')).toBeLessThan(methods.indexOf('window.close'));
  });

  it('does not close when the save is cancelled', async () => {
    const { controller, editor, calls } = setup({ 'document.save': () => null });
    await controller.start();
    editor.getState().editModel(rename('A'), null);
    await controller.run('save-and-close');
    expect(calls.some((c) => c.method === 'window.close')).toBe(false);
  });
});

describe('controller schema folder', () => {
  it('validates with the loaded schemas and reports skipped files', async () => {
    const { controller, editor, ui } = setup({
      'schemas.loadFolder': () => ({
        folder: '/schemas/mdm/profiles',
        schemas: [{ id: 'com.example.widget', payloadType: 'com.example.widget', title: 'Widget', role: 'payload', keys: [], origin: { kind: 'apple-yaml', file: 'com.example.widget.yaml' } }],
        failures: [{ file: '/schemas/mdm/profiles/bad.yaml', message: '/schemas/mdm/profiles/bad.yaml: not YAML' }],
      }),
    });
    await controller.start();
    await controller.run('load-schemas');
    expect(editor.getState().validation.registry.get('com.example.widget')?.title).toBe('Widget');
    expect(editor.getState().validation.registry.get('com.apple.wifi.managed')).toBeDefined();
    expect(editor.getState().validation.schemaFolder).toBe('/schemas/mdm/profiles');
    expect(ui.getState().notices.at(-1)).toMatchObject({
      tone: 'error',
      message: 'Loaded 1 payload schemas from /schemas/mdm/profiles. 1 files were skipped: /schemas/mdm/profiles/bad.yaml: not YAML',
    });
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { controller, editor } = setup({ 'schemas.loadFolder': () => null });
    await controller.start();
    const before = editor.getState().validation;
    await controller.loadSchemaFolder();
    expect(editor.getState().validation).toBe(before);
  });
});
