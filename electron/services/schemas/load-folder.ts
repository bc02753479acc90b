// Loads Apple's payload schema files from a folder ("Load payload schemas from folder…").
//
// The folder may be a checkout of Apple's device-management repository (the schemas are in
// `mdm/profiles`), its `mdm` folder, or the profiles folder itself. Each file is read and
// converted on its own, so an unreadable or malformed file is reported and skipped while the
// others load. The caller adds the result with `registry.withOverrides(result.schemas)`.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadAppleSchemaYaml } from '../../../shared/schema/apple-yaml.ts';
import { SchemaError } from '../../../shared/schema/errors.ts';
import type { PayloadSchema } from '../../../shared/schema/model.ts';

/**
 * Largest schema file read, in bytes. Apple's largest (restrictions) is about 170 KB; the limit
 * keeps a stray huge file from being decoded and parsed.
 */
export const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024;

/** Sub-folders tried, in order, below the chosen folder. */
const SCHEMA_SUBFOLDERS = [path.join('mdm', 'profiles'), 'profiles', '.'];

export interface SchemaFileFailure {
  /** Path of the file that was skipped. */
  readonly file: string;
  /** The problem, naming the file. */
  readonly message: string;
}

export interface SchemaFolderResult {
  /** The folder the files were read from. */
  readonly folder: string;
  /** Schemas read, one per file, in file-name order. */
  readonly schemas: readonly PayloadSchema[];
  readonly loaded: number;
  readonly failures: readonly SchemaFileFailure[];
}

/** Raised when the folder cannot be read or contains no schema files at all. */
export class SchemaFolderError extends Error {
  override readonly name = 'SchemaFolderError';
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(`Cannot load payload schemas from ${folder}: ${reason}`);
  }
}

/** Reads every `*.yaml` schema file of `dir` (or of `dir/mdm/profiles`). */
export async function loadSchemaFolder(dir: string): Promise<SchemaFolderResult> {
  const folder = await findSchemaFolder(dir);
  const names = (await listYamlFiles(folder)).sort();

  const schemas: PayloadSchema[] = [];
  const failures: SchemaFileFailure[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      schemas.push(loadAppleSchemaYaml(await readSchemaText(file), file));
    } catch (error) {
      failures.push({ file, message: describeFailure(file, error) });
    }
  }
  return { folder, schemas, loaded: schemas.length, failures };
}

async function findSchemaFolder(dir: string): Promise<string> {
  const root = path.resolve(dir);
  const rootStat = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new SchemaFolderError(root, error.code === 'ENOENT' ? 'the folder does not exist' : `the folder cannot be read (${error.code ?? error.message})`);
  });
  if (!rootStat.isDirectory()) throw new SchemaFolderError(root, 'it is a file, not a folder; choose the folder that contains the .yaml files');

  for (const sub of SCHEMA_SUBFOLDERS) {
    const candidate = path.join(root, sub);
    const names = await listYamlFiles(candidate).catch(() => []);
    if (names.length > 0) return candidate;
  }
  throw new SchemaFolderError(root, 'no .yaml files found there or in mdm/profiles; choose a checkout of apple/device-management or its mdm/profiles folder');
}

async function listYamlFiles(folder: string): Promise<string[]> {
  // Every entry named *.yaml counts, so that one which is not a readable file is reported as a failure.
  const names = await readdir(folder);
  return names.filter((name) => /\.ya?ml$/i.test(name));
}

async function readSchemaText(file: string): Promise<string> {
  const info = await stat(file);
  if (!info.isFile()) throw new SchemaError('not a regular file', { file });
  if (info.size > MAX_SCHEMA_FILE_BYTES) throw new SchemaError(`file is ${info.size} bytes, over the ${MAX_SCHEMA_FILE_BYTES}-byte limit for schema files`, { file });

  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SchemaError('not valid UTF-8 text', { file });
  }
}

function describeFailure(file: string, error: unknown): string {
  if (error instanceof SchemaError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${file}: cannot be read: the file or the target of its link does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: cannot be read: permission denied`;
  return `${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}
