// Typing in the XML editor end to end in Chromium, on a profile of 300 payloads written by
// plistlib. After the keys, the marker, the Problems entry and the form show what a fresh parse
// of the saved text gives, and undo restores the text before the last keys. Enter far above
// the selected payload leaves the editor where it is. In a document opened with CRLF line
// ends, undo leaves the cursor where it was.

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parseXmlPlistText } from '../../shared/plist/xml/reader.ts';
import { getAt } from '../../shared/profile/edit/paths.ts';
import { defaultEditorDeps, defaultValidationSettings } from '../../renderer/store/editor-deps.ts';
import { needTools } from '../support/environment.ts';
import { plistlibCanonical } from '../support/plist-oracle.ts';
import { startAppSession, type AppSession } from './harness/app-session.ts';
import { characterLeft, clickEndOfLine, lineNumberOf, lineTop, squiggleLeft, visibleXmlLines } from './harness/monaco-view.ts';
import { useRendererServer } from './harness/renderer-server.ts';

const tools = needTools('chromium', 'python3');

/** Monaco's tab size in the XML editor (XmlEditor.tsx). */
const TAB_SIZE = 4;

const END_TAG = '</string>';

/** Writes `count` Wi-Fi payloads with plistlib, with `lineEnds` LF or CRLF. Payload n has the SSID Office-n and the UUID of the number n in hex. */
function writeFixture(file: string, count: number, lineEnds: 'lf' | 'crlf'): void {
  const script = String.raw`
import plistlib, sys, uuid
count = int(sys.argv[2])
payloads = [{
    'PayloadType': 'com.apple.wifi.managed',
    'PayloadVersion': 1,
    'PayloadIdentifier': 'com.example.wifi.%d' % n,
    'PayloadUUID': str(uuid.UUID(int=n)).upper(),
    'PayloadDisplayName': 'Wi-Fi %d' % n,
    'SSID_STR': 'Office-%d' % n,
    'EncryptionType': 'WPA2',
    'AutoJoin': True,
} for n in range(1, count + 1)]
profile = {
    'PayloadContent': payloads,
    'PayloadDisplayName': 'Many networks',
    'PayloadIdentifier': 'com.example.many',
    'PayloadType': 'Configuration',
    'PayloadUUID': 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D',
    'PayloadVersion': 1,
}
data = plistlib.dumps(profile, sort_keys=False)
if sys.argv[3] == 'crlf':
    data = data.replace(b'\n', b'\r\n')
with open(sys.argv[1], 'wb') as out:
    out.write(data)
`;
  execFileSync('python3', ['-c', script, file, String(count), lineEnds]);
}

/** Returns the UUID that plistlib's uuid.UUID(int=n) gives, in upper case. */
function payloadUuid(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Returns the number of columns Monaco draws for `text`, with each tab reaching the next tab stop. */
function visualWidth(text: string): number {
  let width = 0;
  for (const char of text) width = char === '\t' ? (Math.floor(width / TAB_SIZE) + 1) * TAB_SIZE : width + 1;
  return width;
}

/** Returns the number of the first line the editor shows. */
async function firstVisibleLine(session: AppSession): Promise<number> {
  return session.page.locator('.xml-editor .line-numbers').evaluateAll((numbers) => Math.min(...numbers.map((n) => Number(n.textContent))));
}

/** Returns where the XML editor draws its cursor: the `top` of its line and its left edge in pixels. */
async function cursorBox(session: AppSession): Promise<{ top: string; left: number } | null> {
  return session.page.locator('.xml-editor .monaco-editor').evaluate((editor) => {
    const cursor = editor.querySelector<HTMLElement>('.cursors-layer .cursor');
    return cursor ? { top: cursor.style.top, left: cursor.getBoundingClientRect().left } : null;
  });
}

/** Puts the cursor just before the end tag on the visible line that contains `text`. */
async function clickBeforeEndTag(session: AppSession, text: string): Promise<void> {
  await clickEndOfLine(session.page, text);
  for (let i = 0; i < END_TAG.length; i++) await session.page.keyboard.press('ArrowLeft');
}

describe.skipIf(tools.skip)('XML typing in Chromium' + tools.reason, () => {
  const renderer = useRendererServer('xml-typing');
  let session: AppSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('matches a fresh parse after typing', async () => {
    const fixture = path.join(renderer.workDir, 'many.mobileconfig');
    writeFixture(fixture, 300, 'lf');
    session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    session.openPaths.push(fixture);
    await page.getByRole('button', { name: 'Open…' }).click();

    // Selecting payload 200 scrolls the XML to it. Enter at the top of the document keeps the editor there.
    await page.getByRole('button', { name: /^Wi-Fi 200\b/ }).click();
    await expect.poll(() => firstVisibleLine(session!)).toBeGreaterThan(3000);
    await page.locator('.xml-editor').click({ position: { x: 300, y: 40 } });
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await visibleXmlLines(page)).map((text) => text.trim())).toContain('<key>PayloadContent</key>');
    expect(await firstVisibleLine(session)).toBe(1);

    // Back to payload 200: Enter above its UUID, a letter that makes the UUID invalid, and a new SSID.
    await page.getByRole('button', { name: /^Wi-Fi 200\b/ }).click();
    await clickEndOfLine(page, '<string>com.example.wifi.200</string>');
    await page.keyboard.press('Enter');
    const uuid = payloadUuid(200);
    await clickBeforeEndTag(session, `<string>${uuid}</string>`);
    await page.keyboard.type('Z');
    await clickBeforeEndTag(session, '<string>Office-200</string>');
    await page.keyboard.type('-x');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-200-x');
    const problem = page.locator('.problem', { hasText: `PayloadUUID '${uuid}Z'` });
    await expect.poll(() => problem.count()).toBe(1);

    // Save, then read the saved text afresh with plistlib and with this project's parser and validator.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.edited-mark').count()).toBe(0);
    const savedBytes = await readFile(fixture);
    const saved = savedBytes.toString('utf8');
    const canonical = plistlibCanonical(savedBytes);
    const payload = 'dict' in canonical ? canonical.dict.find(([key]) => key === 'PayloadContent')?.[1] : undefined;
    const wifi = payload && 'array' in payload ? payload.array[199] : undefined;
    expect(wifi && 'dict' in wifi ? wifi.dict.filter(([key]) => key === 'SSID_STR' || key === 'PayloadUUID') : null).toEqual([
      ['PayloadUUID', { string: `${uuid}Z` }],
      ['SSID_STR', { string: 'Office-200-x' }],
    ]);
    const root = parseXmlPlistText(saved).value;
    const finding = defaultEditorDeps.validate(root, defaultValidationSettings()).find((d) => d.path === 'PayloadContent[199].PayloadUUID');
    expect(finding?.code).toBe('payload-uuid-not-uuid');
    const line = finding?.line ?? 0;
    const column = finding?.column ?? 0;
    expect(saved.split('\n')[line - 1].slice(column - 1)).toBe(`<string>${uuid}Z</string>`);

    // The Problems entry names that line. The squiggle is on it and starts at that column.
    expect(await problem.locator('.problem-location').textContent()).toContain(`Line ${line}`);
    expect(await lineNumberOf(page, `${uuid}Z`)).toBe(line);
    const top = (await lineTop(page, `${uuid}Z`)) ?? '';
    const expectedLeft = (await characterLeft(page, top, visualWidth(saved.split('\n')[line - 1].slice(0, column - 1)))) ?? Number.NaN;
    expect(expectedLeft).toBeGreaterThan(0);
    // Monaco rounds the squiggle to whole pixels, while one column is several pixels wide.
    await expect.poll(async () => Math.abs(((await squiggleLeft(page, 'warning', top)) ?? Number.NaN) - expectedLeft)).toBeLessThan(1);

    // Activating the Problems entry puts the XML cursor at that line and column.
    await problem.getByRole('button').first().click();
    await expect.poll(async () => (await cursorBox(session!))?.top).toBe(top);
    // Monaco draws the cursor a pixel left of the character that follows it.
    expect(Math.abs(((await cursorBox(session))?.left ?? Number.NaN) - expectedLeft)).toBeLessThan(2);

    // The form shows the values of the fresh parse.
    expect(getAt(root, ['PayloadContent', 199, 'SSID_STR'])).toMatchObject({ kind: 'string', value: await page.getByLabel(/^Network name/).inputValue() });
    expect(getAt(root, ['PayloadContent', 199, 'PayloadUUID'])).toMatchObject({ kind: 'string', value: await page.getByLabel(/^UUID/).inputValue() });

    // More keys, then undo: the text is the saved one again, to the character.
    await clickBeforeEndTag(session, '<string>Office-200-x</string>');
    await page.keyboard.type('yy');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-200-xyy');
    expect(await page.locator('.edited-mark').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-200-x');
    expect(await page.locator('.edited-mark').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the cursor on undo with CRLF', async () => {
    const fixture = path.join(renderer.workDir, 'crlf.mobileconfig');
    writeFixture(fixture, 20, 'crlf');
    session = await startAppSession({ origin: renderer.origin });
    const { page } = session;
    session.openPaths.push(fixture);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: /^Wi-Fi 5\b/ }).click();

    await clickBeforeEndTag(session, '<string>Office-5</string>');
    await page.keyboard.type('-x');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-5-x');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-5');
    expect(await page.locator('.edited-mark').count()).toBe(0);

    // The next key lands where the undone ones were.
    await page.keyboard.type('q');
    await expect.poll(() => page.getByLabel(/^Network name/).inputValue()).toBe('Office-5q');
    expect((await visibleXmlLines(page)).map((text) => text.trim())).toContain('<string>Office-5q</string>');
    expect(session.pageErrors).toEqual([]);
  });
});
