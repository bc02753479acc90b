// Forwards the enrolment server's request log to the windows showing the workbench.
//
// Entries are collected and sent in batches: a burst of requests (a load test enrols hundreds
// of devices at once) becomes a few events instead of one IPC message per request.

import type { EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';
import { MAX_LOG_BATCH } from '../../../shared/ipc/enrolment-contract.ts';

/** Sends one batch to one window; does nothing when the window has closed. */
export type SendLogBatch = (ownerId: number, entries: readonly EnrolmentLogEntry[]) => void;

/** Time entries wait to be sent with the ones that follow, in milliseconds. */
export const LOG_BATCH_DELAY_MS = 100;

export class EnrolmentLogRelay {
  readonly #watchers = new Set<number>();
  #pending: EnrolmentLogEntry[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: SendLogBatch,
    private readonly delayMs: number = LOG_BATCH_DELAY_MS,
  ) {}

  /** Starts sending entries to `ownerId`. */
  watch(ownerId: number): void {
    this.#watchers.add(ownerId);
  }

  /** Stops sending to `ownerId` (its window closed). */
  forget(ownerId: number): void {
    this.#watchers.delete(ownerId);
  }

  /** Queues an entry; the batch leaves after the delay, or at once when it is full. */
  push(entry: EnrolmentLogEntry): void {
    if (this.#watchers.size === 0) return;
    this.#pending.push(entry);
    if (this.#pending.length >= MAX_LOG_BATCH) {
      this.flush();
      return;
    }
    this.#timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Sends what is queued now. */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const entries = this.#pending;
    this.#pending = [];
    if (entries.length === 0) return;
    for (const ownerId of this.#watchers) this.send(ownerId, entries);
  }
}
