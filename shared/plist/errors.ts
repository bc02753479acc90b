// The one public error type of the plist readers and writers.

export interface PlistErrorDetails {
  /** File name or path, when the caller gave one. */
  readonly file?: string;
  /** 1-based line and column in the XML source. */
  readonly line?: number;
  readonly column?: number;
  /** Byte offset, for binary plists. */
  readonly offset?: number;
  /** Key path of the value being read or written, `PayloadContent[1].PayloadUUID` style. */
  readonly keyPath?: string;
}

/**
 * Raised for any input a reader rejects and any value a writer cannot represent.
 * `reason` is the problem alone; `message` adds the file and the location.
 */
export class PlistError extends Error {
  override readonly name = 'PlistError';
  readonly reason: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  readonly keyPath?: string;

  constructor(reason: string, details: PlistErrorDetails = {}) {
    super(formatPlistErrorMessage(reason, details));
    this.reason = reason;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.offset = details.offset;
    this.keyPath = details.keyPath;
  }

  /** Returns a copy that names `file`, for readers that learn the file name only at the boundary. */
  withFile(file: string): PlistError {
    return new PlistError(this.reason, { file, line: this.line, column: this.column, offset: this.offset, keyPath: this.keyPath });
  }
}

function formatPlistErrorMessage(reason: string, d: PlistErrorDetails): string {
  let where = d.file ?? '';
  if (d.line !== undefined) where += `${where ? ':' : 'line '}${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  else if (d.offset !== undefined) where += `${where ? ' ' : ''}at byte ${d.offset}`;
  const key = d.keyPath ? ` (at ${d.keyPath})` : '';
  return where ? `${where}: ${reason}${key}` : `${reason}${key}`;
}

/** Joins a key path the way diagnostics print it: dict keys with `.`, array indices in brackets. */
export function joinKeyPath(parent: string, segment: string | number): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  return parent ? `${parent}.${segment}` : segment;
}
