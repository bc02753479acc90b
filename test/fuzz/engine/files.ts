// Where the fuzz seeds, the corpus and the regression inputs live on disk.
//
// The same code runs from test/fuzz (vitest) and from dist/test/fuzz (`npm run fuzz`), so paths
// are found from the project root, not from this file's folder.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder with the project's package.json, above this file. */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

const fuzzFolder = path.join(projectRoot, 'test', 'fuzz');

/** The shared corpus of real files beside the checkout, which may be missing. */
const corpusFolder = path.resolve(projectRoot, '..', 'shared', 'corpus', 'files');

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'test', 'fuzz'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (package.json with test/fuzz) above ${start}`);
  }
}

/** Returns the committed seed files of `folder` (test/fuzz/seeds/FOLDER), sorted by name. */
export function readSeedFolder(folder: string): Uint8Array[] {
  return readFolder(path.join(fuzzFolder, 'seeds', folder)).map(({ bytes }) => bytes);
}

/** Returns one committed seed file, such as `identity/device.key`. */
export function readSeedFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fuzzFolder, 'seeds', name)));
}

/** Whether corpus files are added to the seeds; `npm run fuzz -- --no-corpus` turns it off. */
let corpusEnabled = true;

export function setCorpusEnabled(enabled: boolean): void {
  corpusEnabled = enabled;
}

/** Returns the corpus files, sorted by name, or nothing when the corpus is missing or turned off. */
export function readCorpusFiles(): { name: string; bytes: Uint8Array }[] {
  if (!corpusEnabled || !existsSync(corpusFolder)) return [];
  return readFolder(corpusFolder);
}

/** The folder of minimised failing inputs of `target`, which the tests replay. */
export function regressionFolder(target: string): string {
  return path.join(fuzzFolder, 'regressions', target);
}

/** Returns the regression inputs of `target`, sorted by name. */
export function readRegressions(target: string): { name: string; bytes: Uint8Array }[] {
  const folder = regressionFolder(target);
  return existsSync(folder) ? readFolder(folder).filter(({ name }) => name.endsWith('.bin')) : [];
}

/** Writes `bytes` as `regressions/TARGET/SHA1.bin` and returns the path; an existing file is left as it is. */
export function writeRegression(target: string, bytes: Uint8Array): string {
  const folder = regressionFolder(target);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${createHash('sha1').update(bytes).digest('hex')}.bin`);
  if (!existsSync(file)) writeFileSync(file, bytes);
  return file;
}

function readFolder(folder: string): { name: string; bytes: Uint8Array }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.sh') && !entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(folder, name))) }));
}
