import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { memoryLogger } from '../../../../electron/log.ts';
import { DraftStore } from '../../../../electron/services/documents/drafts.ts';
import { RecentDocuments } from '../../../../electron/services/documents/recent.ts';
import { DocumentRegistry } from '../../../../electron/services/documents/registry.ts';
import { DocumentService } from '../../../../electron/services/documents/service.ts';
import { needCorpus } from '../../../support/environment.ts';

const OWNER = 3;
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array/>
	<key>PayloadIdentifier</key>
	<string>com.example.test</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>6E1C4B8A-0D3F-4C9E-8B2A-1F5D7E9C0A11</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;

let folder: string;
let service: DocumentService;

function makeService(): DocumentService {
  const logger = memoryLogger();
  return new DocumentService({
    registry: new DocumentRegistry(),
    drafts: new DraftStore(path.join(folder, 'user', 'drafts'), logger),
    recent: new RecentDocuments(path.join(folder, 'user', 'recent.json'), logger),
    logger,
  });
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'documents-'));
  service = makeService();
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('DocumentService open', () => {
  it('opens XML as it is and records it', async () => {
    const file = path.join(folder, 'a.mobileconfig');
    await writeFile(file, PROFILE);
    const document = await service.openFile(OWNER, file);
    expect(document.text).toBe(PROFILE);
    expect(document.source).toBe('xml');
    expect(document.kind).toBe('profile');
    expect(document.displayName).toBe('a.mobileconfig');
    expect(document.notes).toEqual([]);
    expect(await service.recentEntries()).toEqual([{ filePath: file, displayName: 'a.mobileconfig' }]);
  });

  it('names the file in a parse error', async () => {
    const file = path.join(folder, 'bad.mobileconfig');
    await writeFile(file, '<plist version="1.0"><dict><key>A</key></dict></plist>');
    await expect(service.openFile(OWNER, file)).rejects.toMatchObject({ name: 'DocumentOpenError', message: expect.stringContaining(`${file}:1:`) });
  });

  it('rejects a folder', async () => {
    await expect(service.openFile(OWNER, folder)).rejects.toThrow(`${folder}: not a regular file`);
  });

  const corpus = needCorpus();
  it.skipIf(corpus.skip)('converts binary plists to XML with a note' + corpus.reason, async () => {
    const document = await service.openFile(OWNER, path.join(corpus.dir, 'files', 'micromdmplist_binary_types-sample.bplist'));
    expect(document.source).toBe('binary');
    expect(document.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(document.notes).toEqual(['This file is a binary property list. Saving writes it as XML.']);
  });

  it.skipIf(corpus.skip)('notes that a signed profile saves unsigned' + corpus.reason, async () => {
    const document = await service.openFile(OWNER, path.join(corpus.dir, 'files', 'encdns_signed_cloudflare-default-https_2026_letsencrypt-ecdsa.mobileconfig'));
    expect(document.source).toBe('cms-signed');
    expect(document.signed).toBe(true);
    expect(document.notes).toContain('This profile was signed. Saving writes it unsigned; export it signed to keep a signature.');
  });

  it.skipIf(corpus.skip)('notes encrypted payloads' + corpus.reason, async () => {
    const document = await service.openFile(OWNER, path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig'));
    expect(document.encrypted).toBe(true);
    expect(document.notes).toContain('The payloads are encrypted (EncryptedPayloadContent) and cannot be edited until the profile is decrypted.');
  });
});

describe('DocumentService save', () => {
  it('asks for a path for an untitled document', async () => {
    const { documentId } = service.create(OWNER);
    const target = path.join(folder, 'new.mobileconfig');
    const asked: string[] = [];
    const result = await service.save(OWNER, documentId, PROFILE, async (name) => {
      asked.push(name);
      return target;
    });
    expect(asked).toEqual(['Untitled.mobileconfig']);
    expect(result?.filePath).toBe(target);
    expect(await readFile(target, 'utf8')).toBe(PROFILE);
  });

  it('returns null when the dialog is cancelled', async () => {
    const { documentId } = service.create(OWNER);
    expect(await service.save(OWNER, documentId, PROFILE, async () => null)).toBeNull();
  });

  it('refuses text that does not parse and keeps the file', async () => {
    const file = path.join(folder, 'a.mobileconfig');
    await writeFile(file, PROFILE);
    const { documentId } = await service.openFile(OWNER, file);
    await expect(service.save(OWNER, documentId, '<plist><dict>', async () => null)).rejects.toMatchObject({ name: 'PlistError' });
    expect(await readFile(file, 'utf8')).toBe(PROFILE);
  });

  it('refuses a document of another window', async () => {
    const { documentId } = service.create(OWNER);
    await expect(service.save(OWNER + 1, documentId, PROFILE, async () => path.join(folder, 'x'))).rejects.toMatchObject({ name: 'UnknownDocumentError' });
  });

  it('removes the draft after saving', async () => {
    const { documentId } = service.create(OWNER);
    await service.writeDraft(OWNER, documentId, PROFILE);
    await service.saveAs(OWNER, documentId, PROFILE, async () => path.join(folder, 'saved.mobileconfig'));
    expect(await makeService().takeDraftsToOffer()).toEqual([]);
  });
});

describe('DocumentService drafts', () => {
  it('offers drafts of an earlier run once', async () => {
    const { documentId } = service.create(OWNER);
    await service.writeDraft(OWNER, documentId, PROFILE);

    const next = makeService();
    const offered = await next.takeDraftsToOffer();
    expect(offered.map((d) => [d.documentId, d.displayName, d.filePath])).toEqual([[documentId, 'Untitled', null]]);
    expect(await next.takeDraftsToOffer()).toEqual([]);

    const restored = await next.restoreDraft(OWNER, documentId);
    expect(restored.text).toBe(PROFILE);
    expect(restored.edited).toBe(true);
    expect(restored.source).toBe('draft');
    expect(next.unsavedDocuments()).toEqual([{ documentId, ownerId: OWNER, title: 'Untitled' }]);
  });

  it('discards a draft', async () => {
    const { documentId } = service.create(OWNER);
    await service.writeDraft(OWNER, documentId, PROFILE);
    const next = makeService();
    await next.discardDraft(documentId);
    await expect(next.restoreDraft(OWNER, documentId)).rejects.toMatchObject({ name: 'DraftNotFoundError' });
  });

  it('drops drafts of a closed window', async () => {
    const { documentId } = service.create(OWNER);
    await service.writeDraft(OWNER, documentId, PROFILE);
    await service.closeWindow(OWNER);
    expect(await makeService().takeDraftsToOffer()).toEqual([]);
  });
});

describe('DocumentService recent', () => {
  it('opens only listed paths', async () => {
    await expect(service.openRecent(OWNER, '/etc/passwd')).rejects.toThrow('/etc/passwd is not in the recent documents list; open it with File > Open.');
  });

  it('forgets a recent file that is gone', async () => {
    const file = path.join(folder, 'gone.mobileconfig');
    await writeFile(file, PROFILE);
    await service.openFile(OWNER, file);
    await rm(file);
    await expect(service.openRecent(OWNER, file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await service.recentEntries()).toEqual([]);
  });
});
