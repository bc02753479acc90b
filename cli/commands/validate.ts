// `mobileconfig validate FILE... [--json] [--strict] [--platform P] [--os-version V] [--schemas DIR] [--will-encrypt]`

import { loadSchemaFolder, SchemaFolderError } from '../../electron/services/schemas/load-folder.ts';
import { openDocument } from '../../shared/profile/open.ts';
import { builtinSchemas } from '../../shared/schema/builtin/index.ts';
import { PLATFORMS, type Platform } from '../../shared/schema/model.ts';
import type { SchemaRegistry } from '../../shared/schema/registry.ts';
import { encodeBase64 } from '../../shared/text/encoding.ts';
import { validateProfile, type Diagnostic, type ValidateOptions } from '../../shared/validation/index.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../io.ts';
import { describeFailure } from '../report-error.ts';

const HELP = `Usage: mobileconfig validate FILE... [options]

Checks each profile against the payload schemas: required keys, value types, allowed values,
ranges, formats, unique PayloadUUIDs and PayloadIdentifiers, references to other payloads'
UUIDs, and (with --platform) support on the target platform and OS version. Signed files are
validated on their signed content; for encrypted files only the top level can be checked.

Each finding is printed as FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE at KEY.PATH].

Options:
  --json              print a JSON array with one object per file: file, valid (no errors),
                      signed, encrypted, diagnostics (severity, code, message, path, line,
                      column, fix), and error when the file could not be read
  --strict            report integers used as booleans as errors, as Apple's schema check does
  --platform NAME     target platform: ${PLATFORMS.join(', ')} (any letter case)
  --os-version V      target OS version such as 17.4; needs --platform
  --schemas DIR       also load Apple's YAML schemas from DIR (a checkout of
                      apple/device-management or its mdm/profiles folder); they replace the
                      built-in schemas of the same payload types
  --will-encrypt      the profile will be encrypted before delivery, so secrets in its
                      payloads are not reported

Exit codes: 0 no file has an error, 1 a file has an error or could not be read, 2 usage error.
`;

/** Input and output of the command; the CLI's io object has these members and more. */
export interface ValidateIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
}

interface FileResult {
  readonly file: string;
  readonly valid: boolean;
  readonly signed?: boolean;
  readonly encrypted?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly error?: string;
}

/** Runs `mobileconfig validate` with `args` (after the command name) and returns the exit code. */
export async function runValidate(args: string[], io: ValidateIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  try {
    return await validateFiles(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mobileconfig ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check profiles against the payload schemas',
  help: HELP,
  run: runValidate,
};

async function validateFiles(args: string[], io: ValidateIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    platform: { type: 'string' },
    'os-version': { type: 'string' },
    schemas: { type: 'string' },
    'will-encrypt': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('validate: give at least one profile to check.');

  // Options
  const platform = parsePlatform(values.platform);
  const osVersion = values['os-version'];
  if (osVersion !== undefined && platform === undefined) throw new UsageError('validate: --os-version needs --platform, such as --platform iOS --os-version 17.4.');
  if (osVersion !== undefined && !/^\d+(\.\d+)*$/.test(osVersion)) throw new UsageError(`validate: --os-version must be dotted numbers such as 17.4, not '${osVersion}'.`);
  const schemas = values.schemas === undefined ? builtinSchemas() : await loadRegistry(values.schemas, io);
  const options: ValidateOptions = { strict: values.strict ?? false, platform, osVersion, schemas, willEncrypt: values['will-encrypt'] ?? false };

  // Files
  const results: FileResult[] = [];
  for (const file of positionals) {
    const result = await validateFile(file, options, io);
    results.push(result);
    if (!values.json) io.stdout(formatResult(result));
  }

  if (values.json) io.stdout(`${JSON.stringify(results, jsonSafe, 2)}\n`);
  return results.every((r) => r.valid) ? EXIT_OK : EXIT_FILE_FAILED;
}

function parsePlatform(value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  const platform = PLATFORMS.find((p) => p.toLowerCase() === value.toLowerCase());
  if (!platform) throw new UsageError(`validate: --platform must be one of ${PLATFORMS.join(', ')}, not '${value}'.`);
  return platform;
}

async function loadRegistry(dir: string, io: ValidateIo): Promise<SchemaRegistry> {
  try {
    const result = await loadSchemaFolder(dir);
    for (const failure of result.failures) io.stderr(`warning: schema file skipped: ${failure.message}\n`);
    return builtinSchemas().withOverrides(result.schemas);
  } catch (error) {
    if (error instanceof SchemaFolderError) throw new UsageError(`validate: --schemas: ${error.message}`);
    throw error;
  }
}

async function validateFile(file: string, options: ValidateOptions, io: ValidateIo): Promise<FileResult> {
  try {
    const document = openDocument(await io.readFile(file), { file });
    for (const warning of document.warnings) io.stderr(`${file}: warning: ${warning}\n`);
    const diagnostics = validateProfile(document.value, options);
    return { file, valid: diagnostics.every((d) => d.severity !== 'error'), signed: document.signed, encrypted: document.encrypted, diagnostics };
  } catch (error) {
    const message = describeFailure(file, error);
    io.stderr(`${message}\n`);
    return { file, valid: false, diagnostics: [], error: message };
  }
}

function formatResult(result: FileResult): string {
  if (result.error !== undefined) return '';

  const lines = result.diagnostics.map((d) => {
    const where = d.line !== undefined ? `${result.file}:${d.line}:${d.column}` : result.file;
    const at = d.path ? ` at ${d.path}` : '';
    return `${where}: ${d.severity}: ${d.message} [${d.code}${at}]`;
  });
  if (result.encrypted) lines.push(`${result.file}: note: the payloads are encrypted, so only the top level was checked`);

  const count = (severity: Diagnostic['severity']) => result.diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = count('info');
  const verdict = errors === 0 ? 'valid' : 'invalid';
  lines.push(`${result.file}: ${verdict} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')})`);
  return `${lines.join('\n')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** JSON replacer for fix values: integers as numbers (as text beyond 2^53), data as base64. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return encodeBase64(value);
  return value;
}
