// The main process' log: one line per event on stderr, with a level and a component name.
//
// Callers pass ids, method names and messages, never request arguments: those may hold whole
// documents or secrets.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, string | number | boolean | undefined>>): void;
}

/** Writes `time level [component] message key=value...` lines to stderr. */
export function consoleLogger(component: string): Logger {
  return {
    log(level, message, fields) {
      const extras = fields
        ? Object.entries(fields)
            .filter(([, value]) => value !== undefined)
            .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
            .join('')
        : '';
      process.stderr.write(`${new Date().toISOString()} ${level} [${component}] ${message}${extras}\n`);
    },
  };
}

/** Keeps log lines in memory, for tests. */
export function memoryLogger(): Logger & { readonly lines: { level: LogLevel; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: LogLevel; message: string; fields: Record<string, unknown> }[] = [];
  return {
    lines,
    log(level, message, fields) {
      lines.push({ level, message, fields: { ...fields } });
    },
  };
}
