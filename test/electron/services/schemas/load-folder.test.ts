// Loading a folder of Apple schema files: the corpus checkout, repository layouts, and bad files.

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaFolder, SchemaFolderError } from '../../../../electron/services/schemas/load-folder.ts';
import { builtinSchemas } from '../../../../shared/schema/builtin/index.ts';
import { needCorpus } from '../../../support/environment.ts';

const corpus = needCorpus();
const appleDir = path.join(corpus.dir, 'apple-device-management');

const VALID = `title: Example
payload:
  payloadtype: com.example.valid
payloadkeys:
- key: Name
  type: <string>
  presence: required
`;

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'schema-folder-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(corpus.skip)('loadSchemaFolder on Apple files' + corpus.reason, () => {
  it('loads all 128 files', async () => {
    const result = await loadSchemaFolder(appleDir);
    expect(result.folder).toBe(appleDir);
    expect(result.loaded).toBe(128);
    expect(result.schemas).toHaveLength(128);
    expect(result.failures).toEqual([]);
  });

  it('finds mdm/profiles in a checkout', async () => {
    const checkout = path.join(scratch, 'device-management');
    await mkdir(path.join(checkout, 'mdm'), { recursive: true });
    await symlink(appleDir, path.join(checkout, 'mdm', 'profiles'));
    const result = await loadSchemaFolder(checkout);
    expect(result.folder).toBe(path.join(checkout, 'mdm', 'profiles'));
    expect(result.loaded).toBe(128);
  });

  it('loaded schemas replace built-in ones', async () => {
    const result = await loadSchemaFolder(appleDir);
    const registry = builtinSchemas().withOverrides(result.schemas);
    expect(registry.get('com.apple.wifi.managed')?.origin).toEqual({ kind: 'apple-yaml', file: 'com.apple.wifi.managed.yaml' });
    expect(registry.get('com.apple.homescreenlayout')?.origin.kind).toBe('apple-yaml');
    expect(registry.get('Profile Service')?.origin.kind).toBe('builtin');
    // The built-in PKCS #12 schema marks the file as a secret; the loaded one keeps that.
    expect(registry.get('com.apple.security.pkcs12')?.keys.find((k) => k.name === 'PayloadContent')?.sensitive).toBe(true);
  });
});

describe('loadSchemaFolder with bad files', () => {
  it('skips and reports broken files', async () => {
    const folder = path.join(scratch, 'mixed');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a-valid.yaml'), VALID);
    await writeFile(path.join(folder, 'b-malformed.yaml'), 'title: [unclosed\n');
    await writeFile(path.join(folder, 'c-not-utf8.yaml'), new Uint8Array([0x74, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    await writeFile(path.join(folder, 'd-no-keys.yaml'), 'title: T\npayload:\n  payloadtype: x\n');
    await symlink(path.join(folder, 'missing-target.yaml'), path.join(folder, 'e-dangling.yaml'));
    await mkdir(path.join(folder, 'f-folder.yaml'));
    await writeFile(path.join(folder, 'notes.txt'), 'not a schema');

    const result = await loadSchemaFolder(folder);
    expect(result.loaded).toBe(1);
    expect(result.schemas[0].payloadType).toBe('com.example.valid');
    expect(result.failures.map((f) => path.basename(f.file))).toEqual(['b-malformed.yaml', 'c-not-utf8.yaml', 'd-no-keys.yaml', 'e-dangling.yaml', 'f-folder.yaml']);
    for (const failure of result.failures) expect(failure.message).toContain(failure.file);
    expect(result.failures[0].message).toContain('invalid YAML');
    expect(result.failures[1].message).toContain('not valid UTF-8');
    expect(result.failures[2].message).toContain('payloadkeys');
    expect(result.failures[3].message).toContain('does not exist');
    expect(result.failures[4].message).toContain('not a regular file');
  });

  it('rejects a folder without schema files', async () => {
    const empty = path.join(scratch, 'empty');
    await mkdir(empty);
    await expect(loadSchemaFolder(empty)).rejects.toThrow(SchemaFolderError);
    await expect(loadSchemaFolder(empty)).rejects.toThrow(/no \.yaml files/);
  });

  it('rejects a missing folder', async () => {
    await expect(loadSchemaFolder(path.join(scratch, 'nowhere'))).rejects.toThrow(/does not exist/);
  });

  it('rejects a file given as folder', async () => {
    const file = path.join(scratch, 'file.yaml');
    await writeFile(file, VALID);
    await expect(loadSchemaFolder(file)).rejects.toThrow(/is a file, not a folder/);
  });
});
