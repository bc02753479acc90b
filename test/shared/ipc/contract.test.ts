import { describe, expect, it } from 'vitest';

import { EVENT_CHECKS, IPC_METHODS, REQUEST_CHECKS, channelOf, isIpcMethod } from '../../../shared/ipc/contract.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('REQUEST_CHECKS', () => {
  it('accepts a valid save request', () => {
    expect(REQUEST_CHECKS['document.save']({ documentId: ID, text: '<plist/>' }, 'request')).toBeNull();
  });

  it('rejects a missing field by name', () => {
    expect(REQUEST_CHECKS['document.save']({ documentId: ID }, 'request')).toBe('request.text is missing');
  });

  it('rejects an extra field', () => {
    expect(REQUEST_CHECKS['document.save']({ documentId: ID, text: '', filePath: '/etc/passwd' }, 'request')).toBe('request has an unexpected field "filePath"');
  });

  it('rejects a wrong type', () => {
    expect(REQUEST_CHECKS['document.setEdited']({ documentId: ID, edited: 'yes', title: 't' }, 'request')).toBe('request.edited must be a boolean, got a string');
  });

  it('rejects a document id that is not a UUID', () => {
    expect(REQUEST_CHECKS['draft.write']({ documentId: '../../etc/passwd', text: '' }, 'request')).toBe('request.documentId has an invalid format');
    expect(REQUEST_CHECKS['draft.write']({ documentId: ID.toUpperCase(), text: '' }, 'request')).toBe('request.documentId has an invalid format');
  });

  it('rejects non-plain objects and arrays', () => {
    expect(REQUEST_CHECKS['app.startup']([], 'request')).toBe('request must be an object, got an array');
    expect(REQUEST_CHECKS['app.startup'](null, 'request')).toBe('request must be an object, got null');
    expect(REQUEST_CHECKS['app.startup'](new Date(), 'request')).toBe('request must be an object, got an object');
  });

  it('rejects text over the size limit without echoing it', () => {
    const huge = 'x'.repeat(64 * 1024 * 1024 + 1);
    const problem = REQUEST_CHECKS['document.save']({ documentId: ID, text: huge }, 'request');
    expect(problem).toBe('request.text is 67108865 characters long, over the limit of 67108864');
  });

  it('never puts the rejected value in the message', () => {
    const secret = 'hunter2-secret-challenge';
    const problem = REQUEST_CHECKS['document.setEdited']({ documentId: ID, edited: true, title: secret.repeat(20) }, 'request');
    expect(problem).toBe('request.title is 480 characters long, over the limit of 300');
    expect(problem).not.toContain('hunter2');
  });

  it('has a checker for every method', () => {
    expect(IPC_METHODS).toHaveLength(44);
    for (const method of IPC_METHODS) expect(typeof REQUEST_CHECKS[method]).toBe('function');
  });
});

describe('isIpcMethod', () => {
  it('accepts contract methods only', () => {
    expect(isIpcMethod('document.open')).toBe(true);
    expect(isIpcMethod('toString')).toBe(false);
    expect(isIpcMethod('__proto__')).toBe(false);
    expect(isIpcMethod(42)).toBe(false);
  });
});

describe('channelOf', () => {
  it('prefixes the method', () => {
    expect(channelOf('document.save')).toBe('mobileconfig:document.save');
  });
});

describe('EVENT_CHECKS', () => {
  it('accepts known menu commands only', () => {
    expect(EVENT_CHECKS.command({ command: 'save' }, 'event')).toBeNull();
    expect(EVENT_CHECKS.command({ command: 'format-disk' }, 'event')).toBe(
      'event.command must be one of new, open, save, save-as, close, undo, redo, find, validate, load-schemas, export, save-and-close, inspect, inspect-folder, certificates',
    );
  });
});
