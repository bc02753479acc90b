// Keystroke in the raw XML editor to updated validation markers, on a profile of about 1 MB,
// in the app's renderer running in Chromium.
//
// The renderer is built with the project's Vite config and driven through the end-to-end
// harness (the real main-process handlers behind a stand-in preload, loopback only). The keys
// go to the EncryptionType line of the first Wi-Fi payload. In the first series "x" makes the
// value invalid and a marker appears there. Backspace makes it valid and the marker goes. The
// editor reads only the edited value again. In the second series "<" breaks the XML, and the
// timed Backspace repairs it, which needs a parse of the whole text.
// The time runs from the keydown event's timestamp to the DOM change that shows the marker,
// so it covers parsing, validation, setting the markers and Monaco's rendering. The forms and
// the sidebar re-render after the browser has painted (renderer/store/deferred-view.ts).

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { writePlist } from '../../shared/plist/index.ts';
import { projectRoot, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB } from '../inputs/index.ts';
import { buildProfile } from '../inputs/profile.ts';
import { gapRow, timeRow, type BenchResult, type RowDescription } from '../report/results.ts';
import type { Sample } from '../timing.ts';
import { rendererPeakRssMiB } from './renderer-memory.ts';

/** Payloads that make about 1 MB of XML with the generator's mix. */
const EDITOR_PAYLOADS = 640;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Timed keys of each series that are not counted, so that the first samples do not include warming up. */
const WARM_UP_KEYS = 2;

/** Maximum wait for the markers to change after a key; past it the sample fails. */
const MARKER_TIMEOUT_MS = 10_000;

const ROW: RowDescription = {
  name: 'editor.keystroke-to-markers.1mb',
  title: 'Keystroke to updated markers, ~1 MB profile',
  group: 'editor',
  measure: 'in-process',
  note: 'From the keydown event in the XML editor to the DOM change that shows or removes the validation marker on the edited line. The built renderer runs in headless Chromium (software rendering, no GPU), so the time covers parsing, validation, the markers and Monaco\'s rendering. Each sample is one key, "x" or Backspace, alternating, inside a string value: the editor reads only the edited value again and moves the positions after it. The forms and the sidebar update after the browser has painted, so they are not in this time.',
};

const FULL_PARSE_ROW: RowDescription = {
  name: 'editor.keystroke-full-parse.1mb',
  title: 'Keystroke that repairs the XML to updated markers, ~1 MB profile',
  group: 'editor',
  measure: 'in-process',
  note: 'As the row above, but on the slow path of typing: "<" typed in the value makes the XML invalid (not timed; the parse stops at the error, early in the file), and the timed Backspace makes it valid again, which needs a parse of the whole text and a full validation before the error marker goes.',
};

/** The two series: keys inside a value (read incrementally, every key timed), and repairs that need a full parse (only the repairing Backspace timed). */
const SERIES: readonly { readonly row: RowDescription; readonly key: string; readonly timeOnlyRepairs: boolean }[] = [
  { row: ROW, key: 'x', timeOnlyRepairs: false },
  { row: FULL_PARSE_ROW, key: '<', timeOnlyRepairs: true },
];

export const editorCase: BenchCase = {
  group: 'editor',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!existsSync(CHROMIUM)) return SERIES.map(({ row }) => gapRow(row, 'ms', `Chromium was not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`));

    const profileFile = path.join(context.inputs.dir, `profile-${EDITOR_PAYLOADS}.mobileconfig`);
    const bytes = writePlist(buildProfile(EDITOR_PAYLOADS), 'xml');
    writeFileSync(profileFile, bytes);
    context.log(`editor: building the renderer, then typing in a ${formatMiB(bytes.length)} profile`);

    const series = await measureKeystrokes(context, profileFile, context.options.runs);
    return SERIES.map(({ row }, index) =>
      timeRow({ ...row, title: row.title.replace('~1 MB', formatMiB(bytes.length)), note: `${row.note} ${series[index].length} keys after ${WARM_UP_KEYS} warm-up keys. Peak memory is the peak resident size (VmHWM) of Chromium's renderer process for the page, from opening the profile to the last key.` }, series[index]),
    );
  },
};

async function measureKeystrokes(context: CaseContext, profileFile: string, runs: number): Promise<Sample[][]> {
  // The harness and Vite are loaded only here, because the other groups need neither.
  const { build } = await import('vite');
  const { closeBrowser, startAppSession } = await import('../../test/e2e/harness/app-session.ts');
  const { serveFolder } = await import('../../test/e2e/harness/static-server.ts');

  const rendererDir = path.join(context.scratch, 'renderer');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true, sourcemap: false } });
  const server = await serveFolder(rendererDir);
  const session = await startAppSession({ origin: server.origin });

  try {
    const { page } = session;
    session.openPaths.push(profileFile);
    await page.getByRole('button', { name: 'Open…' }).click();
    const line = page.locator('.xml-editor .view-line', { hasText: '<string>WPA2</string>' }).first();
    await line.waitFor({ timeout: 60_000 });

    // Cursor just before "</string>" on the EncryptionType line.
    await line.click();
    await page.keyboard.press('End');
    for (let i = 0; i < '</string>'.length; i++) await page.keyboard.press('ArrowLeft');

    // Record each keydown's timestamp (same clock as performance.now()).
    await page.evaluate(() => {
      const state = window as unknown as { __benchKeyAt: number };
      document.addEventListener('keydown', (event) => (state.__benchKeyAt = event.timeStamp), true);
    });

    const series: Sample[][] = [];
    for (const { key, timeOnlyRepairs } of SERIES) {
      const samples: Sample[] = [];
      let warmUps = WARM_UP_KEYS;
      while (samples.length < runs) {
        // A pair of keys: the key makes the marker appear, Backspace makes it go, and the XML ends as it began.
        for (const typing of [true, false]) {
          const ms = await timeKey(page, typing ? key : 'Backspace', typing);
          if (timeOnlyRepairs && typing) continue;
          if (warmUps > 0) warmUps--;
          else if (samples.length < runs) samples.push({ ms, maxRssMiB: null });
        }
      }
      series.push(samples);
    }
    // The renderer's peak so far covers opening the profile and every key typed.
    const peakMiB = rendererPeakRssMiB();
    const measured = series.map((samples) => samples.map((sample) => ({ ...sample, maxRssMiB: peakMiB })));
    if (session.pageErrors.length > 0) throw new Error(`the page reported errors: ${session.pageErrors.join('; ')}`);
    return measured;
  } finally {
    await session.close();
    await closeBrowser();
    await server.close();
  }
}

type BenchPage = Awaited<ReturnType<typeof import('../../test/e2e/harness/app-session.ts').startAppSession>>['page'];

/** Presses `key` and returns the milliseconds until the edited line gains (`expectMarker`) or loses its marker. */
async function timeKey(page: BenchPage, key: string, expectMarker: boolean): Promise<number> {
  // Arm an observer first, then press, then collect what the observer measured.
  await page.evaluate(
    ({ wantMarker, timeout }) => {
      const state = window as unknown as { __benchKeyAt: number; __benchResult: Promise<number> };
      state.__benchKeyAt = Number.NaN;
      const editor = document.querySelector('.xml-editor .monaco-editor');
      if (!editor) throw new Error('the XML editor is not on the page');

      const editedLineHasMarker = (): boolean => {
        const line = Array.from(editor.querySelectorAll<HTMLElement>('.view-line')).find((l) => (l.textContent ?? '').includes('<string>WPA2'));
        if (!line) return false;
        const squiggles = editor.querySelectorAll<HTMLElement>('.squiggly-error, .squiggly-warning, .squiggly-info');
        return Array.from(squiggles).some((s) => (s.parentElement?.style.top ?? '') === line.style.top);
      };

      state.__benchResult = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the marker did not ${wantMarker ? 'appear' : 'go'} within ${timeout} ms`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (Number.isNaN(state.__benchKeyAt) || editedLineHasMarker() !== wantMarker) return;
          const elapsed = performance.now() - state.__benchKeyAt;
          observer.disconnect();
          clearTimeout(timer);
          resolve(elapsed);
        });
        observer.observe(editor, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    },
    { wantMarker: expectMarker, timeout: MARKER_TIMEOUT_MS },
  );
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __benchResult: Promise<number> }).__benchResult);
}
