// The server's request log: one JSON line per request in a file, the latest entries in
// memory for the app's live view, and listeners (the CLI prints each entry as text).

import { createWriteStream, type WriteStream } from 'node:fs';

import { formatLogEntry, type EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';

/** Entries kept in memory for the app's live view. */
const RECENT_ENTRIES = 500;

export type LogListener = (entry: EnrolmentLogEntry) => void;

export class RequestLog {
  private readonly recentEntries: EnrolmentLogEntry[] = [];
  private readonly listeners = new Set<LogListener>();
  private stream: WriteStream | null = null;
  private writeError: Error | null = null;
  private count = 0;

  /** `file`: where the JSON lines are appended; null keeps the log in memory only. */
  constructor(readonly file: string | null) {
    if (file) {
      this.stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
      this.stream.on('error', (error) => {
        this.writeError = error;
      });
    }
  }

  /** Records one request; listeners run synchronously, and an exception in one does not stop the others. */
  write(entry: EnrolmentLogEntry): void {
    this.count++;
    this.stream?.write(formatLogEntry(entry));
    this.recentEntries.push(entry);
    if (this.recentEntries.length > RECENT_ENTRIES) this.recentEntries.shift();
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A failing listener (a closed window, a broken pipe) must not lose the entry for the others.
      }
    }
  }

  /** Entries written since the server started. */
  get entryCount(): number {
    return this.count;
  }

  /** Up to `limit` latest entries, oldest first. */
  recent(limit = RECENT_ENTRIES): EnrolmentLogEntry[] {
    return this.recentEntries.slice(-limit);
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes out what is buffered and closes the file. Raises the error of a failed write. */
  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    if (stream) await new Promise<void>((resolve) => stream.end(resolve));
    if (this.writeError) throw this.writeError;
  }
}
