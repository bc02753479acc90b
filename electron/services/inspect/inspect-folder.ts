// Inspection of every file in a dropped folder, with progress, for the app's results table.

import { readdir, stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatCsv } from '../../../shared/report/csv.ts';
import { MAX_PLIST_BYTES } from '../../../shared/plist/limits.ts';
import { inspectBytes, type InspectOptions } from './inspect-file.ts';
import type { InspectReport } from './report.ts';

/** Most files inspected from one folder; a larger drop is cut there with a warning, so the app stays responsive. */
export const MAX_FOLDER_FILES = 20_000;

/** Deepest sub-folder level walked below the dropped folder. */
export const MAX_FOLDER_DEPTH = 8;

export interface FolderProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface FolderInspection {
  readonly folder: string;
  readonly reports: readonly InspectReport[];
  /** Set when the folder held more files than MAX_FOLDER_FILES. */
  readonly truncated: boolean;
}

export interface FolderOptions extends InspectOptions {
  readonly onProgress?: (progress: FolderProgress) => void;
  /** Checked between files; when it returns true the walk stops and returns what it has. */
  readonly cancelled?: () => boolean;
}

/** Inspects every regular file below `folder` (hidden files and links skipped), in name order. */
export async function inspectFolder(folder: string, options: FolderOptions = {}): Promise<FolderInspection> {
  const files: string[] = [];
  const truncated = await collectFiles(folder, 0, files);

  const reports: InspectReport[] = [];
  for (const [index, file] of files.entries()) {
    if (options.cancelled?.()) break;
    options.onProgress?.({ done: index, total: files.length, file });
    reports.push(await inspectPath(file, options));
  }
  options.onProgress?.({ done: reports.length, total: files.length, file: '' });
  return { folder, reports, truncated };
}

/** Inspects one file by path, refusing files over the plist size limit before reading them. */
export async function inspectPath(file: string, options: InspectOptions = {}): Promise<InspectReport> {
  try {
    const info = await stat(file);
    if (info.size > MAX_PLIST_BYTES) {
      return { file, ok: false, error: `file is ${info.size} bytes, over the ${MAX_PLIST_BYTES}-byte limit for profiles`, warnings: [] };
    }
    return await inspectBytes(new Uint8Array(await readFile(file)), file, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found (it may have been moved or deleted)' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    return { file, ok: false, error: reason, warnings: [] };
  }
}

async function collectFiles(folder: string, depth: number, out: string[]): Promise<boolean> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isFile()) {
      if (out.length >= MAX_FOLDER_FILES) return true;
      out.push(full);
    } else if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH) {
      if (await collectFiles(full, depth + 1, out)) return true;
    }
  }
  return false;
}

/** Formats folder results as CSV: one row per file with its kind, signature, payload count and problem. */
export function folderReportCsv(reports: readonly InspectReport[]): string {
  const header = ['file', 'ok', 'kind', 'container', 'signed', 'signature status', 'signer', 'signer expires', 'encrypted', 'identifier', 'display name', 'payloads', 'error', 'warnings'];
  const rows = reports.map((r) => [
    r.file,
    r.ok,
    r.kind,
    r.container,
    r.signed,
    r.signature?.status,
    r.signers?.[0]?.subject,
    r.signers?.[0]?.notAfter,
    r.encrypted,
    r.top ? String(r.top.PayloadIdentifier ?? '') : undefined,
    r.top ? String(r.top.PayloadDisplayName ?? '') : undefined,
    r.payloads?.length,
    r.error,
    r.warnings.join('; '),
  ]);
  return formatCsv(header, rows);
}
