// The error raised for a schema file that cannot be read as a payload schema.

export interface SchemaErrorDetails {
  /** The schema file's name, as the caller gave it. */
  readonly file: string;
  /** Path of the offending entry inside the file, such as `payloadkeys[3].subkeys[0].type`. */
  readonly at?: string;
  /** 1-based line in the file, when the YAML parser reported one. */
  readonly line?: number;
}

/** Raised for malformed YAML or for YAML that does not describe a payload schema. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  readonly reason: string;
  readonly file: string;
  readonly at?: string;
  readonly line?: number;

  constructor(reason: string, details: SchemaErrorDetails) {
    const where = details.line !== undefined ? `${details.file}:${details.line}` : details.file;
    const at = details.at ? ` (at ${details.at})` : '';
    super(`${where}: ${reason}${at}`);
    this.reason = reason;
    this.file = details.file;
    this.at = details.at;
    this.line = details.line;
  }
}
