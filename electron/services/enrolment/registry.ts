// The device registry: every device that used the server, the challenges handed out in
// enrolment profiles and the SCEP challenges handed out in phase 2. Kept in memory and
// written to one JSON file with atomic writes; writes that come while one is running are
// folded into the next, so 200 devices enrolling at once cause a few writes, not 200.


import type { EnrolledDevice } from '../../../shared/enrolment/devices.ts';
import type { ProvisioningType } from '../../../shared/enrolment/provisioning.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { FileTooLargeError, readFileAtMost } from '../files/bounded-read.ts';
import type { NameEntry } from '../pki/names.ts';
import { EnrolmentServiceError } from './errors.ts';
import { newToken, tokenDigest } from './tokens.ts';

/**
 * Maximum size of the registry file, which the server writes itself. The limit stops a file
 * replaced by a link to a device (such as /dev/zero) from being read until memory runs out.
 */
const MAX_REGISTRY_BYTES = 256 * 1024 * 1024;

const FORMAT = 'mobileconfig-enrolment-registry';

/** Used or expired tokens are kept this long (for "already used" replies), then dropped. */
const TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Most unused tokens of one kind kept; past it the oldest go, so a client fetching profiles in a loop cannot grow the file without bound. */
const MAX_OPEN_TOKENS = 10_000;

interface ChallengeRecord {
  readonly digest: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

interface ScepTicketRecord {
  readonly digest: string;
  readonly deviceId: string;
  /** The subject the certificate will have, from the attributes accepted in phase 1. */
  readonly subject: readonly NameEntry[];
  readonly issuedAt: string;
  readonly expiresAt: string;
  usedAt: string | null;
}

interface RegistryFile {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly devices: EnrolledDevice[];
  readonly challenges: ChallengeRecord[];
  readonly scepTickets: ScepTicketRecord[];
}

export type TokenCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: 'unknown' | 'used' | 'expired'; readonly usedAt?: string };

export interface DeviceUpdate {
  readonly attributes?: Readonly<Record<string, string>>;
  readonly provisioning: ProvisioningType;
  readonly status?: EnrolledDevice['status'];
  readonly certificate?: { readonly serial: string; readonly subject: string; readonly notAfter: string };
  readonly deviceCaTrusted?: boolean | null;
}

export class DeviceRegistry {
  private readonly devicesById = new Map<string, EnrolledDevice>();
  private readonly challenges = new Map<string, ChallengeRecord>();
  private readonly tickets = new Map<string, ScepTicketRecord>();
  private saving: Promise<void> | null = null;
  private dirty = false;
  private lastSaveError: unknown = null;

  private constructor(
    readonly file: string,
    private readonly onSaveError: (error: unknown) => void,
  ) {}

  /** Opens the registry file, or starts an empty registry when it does not exist. Raises EnrolmentServiceError for an unreadable or foreign file. */
  static async open(file: string, onSaveError: (error: unknown) => void = () => {}): Promise<DeviceRegistry> {
    const registry = new DeviceRegistry(file, onSaveError);
    let text: string;
    try {
      text = new TextDecoder().decode(readFileAtMost(file, MAX_REGISTRY_BYTES));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return registry;
      if (error instanceof FileTooLargeError) {
        throw new EnrolmentServiceError('state-unavailable', `${error.message} for a device registry; it is not one written by this server, so move it away to start a new registry`, { file, cause: error });
      }
      throw new EnrolmentServiceError('state-unavailable', `${file} cannot be read: ${(error as Error).message}`, { file, cause: error });
    }
    registry.load(parseRegistryFile(text, file));
    return registry;
  }

  private load(data: RegistryFile): void {
    for (const device of data.devices) this.devicesById.set(device.deviceId, device);
    for (const record of data.challenges) this.challenges.set(record.digest, record);
    for (const record of data.scepTickets) this.tickets.set(record.digest, record);
  }

  /** Every device, in the order first seen. */
  devices(): EnrolledDevice[] {
    return [...this.devicesById.values()];
  }

  device(deviceId: string): EnrolledDevice | undefined {
    return this.devicesById.get(deviceId);
  }

  /** Returns the device whose identity certificate has `serial`. */
  deviceByCertificateSerial(serial: string): EnrolledDevice | undefined {
    return this.devices().find((device) => device.certificateSerial === serial);
  }

  /** Records an accepted request from a device, creating its entry on first sight. */
  recordRequest(deviceId: string, update: DeviceUpdate, now: Date): EnrolledDevice {
    const time = now.toISOString();
    const previous = this.devicesById.get(deviceId);
    const device: EnrolledDevice = {
      deviceId,
      attributes: update.attributes ?? previous?.attributes ?? {},
      provisioning: update.provisioning,
      status: update.status ?? previous?.status ?? 'attributes-received',
      certificateSerial: update.certificate?.serial ?? previous?.certificateSerial ?? null,
      certificateSubject: update.certificate?.subject ?? previous?.certificateSubject ?? null,
      certificateNotAfter: update.certificate?.notAfter ?? previous?.certificateNotAfter ?? null,
      issuedAt: update.certificate ? time : (previous?.issuedAt ?? null),
      firstSeen: previous?.firstSeen ?? time,
      lastSeen: time,
      requestCount: (previous?.requestCount ?? 0) + 1,
      deviceCaTrusted: update.deviceCaTrusted !== undefined ? update.deviceCaTrusted : (previous?.deviceCaTrusted ?? null),
      revokedAt: previous?.revokedAt ?? null,
    };
    this.devicesById.set(deviceId, device);
    this.changed();
    return device;
  }

  /** Marks a device revoked; returns false when no such device exists. */
  revoke(deviceId: string, now: Date): boolean {
    const device = this.devicesById.get(deviceId);
    if (!device) return false;
    this.devicesById.set(deviceId, { ...device, status: 'revoked', revokedAt: device.revokedAt ?? now.toISOString() });
    this.changed();
    return true;
  }

  /** Creates a single-use challenge for an enrolment profile and returns it; only its digest is stored. */
  issueChallenge(lifetimeMs: number, now: Date): string {
    const token = newToken();
    this.challenges.set(tokenDigest(token), { digest: tokenDigest(token), issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(), usedAt: null, usedBy: null });
    prune(this.challenges, now);
    this.changed();
    return token;
  }

  /** Uses up a challenge: it must have been issued here, be unused and unexpired. Any check uses it up, so it cannot be tried twice. */
  consumeChallenge(token: string | Uint8Array, deviceId: string, now: Date): TokenCheck<null> {
    const record = this.challenges.get(tokenDigest(token));
    if (!record) return { ok: false, problem: 'unknown' };
    if (record.usedAt !== null) return { ok: false, problem: 'used', usedAt: record.usedAt };
    record.usedAt = now.toISOString();
    record.usedBy = deviceId;
    this.changed();
    if (Date.parse(record.expiresAt) < now.getTime()) return { ok: false, problem: 'expired' };
    return { ok: true, value: null };
  }

  /** Creates a single-use SCEP challenge bound to a device and the subject its certificate will have. */
  issueScepTicket(deviceId: string, subject: readonly NameEntry[], lifetimeMs: number, now: Date): string {
    const token = newToken();
    const digest = tokenDigest(token);
    this.tickets.set(digest, { digest, deviceId, subject, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(), usedAt: null });
    prune(this.tickets, now);
    this.changed();
    return token;
  }

  /** Uses up a SCEP challenge and returns the device and subject it was issued for. */
  consumeScepTicket(token: string, now: Date): TokenCheck<{ deviceId: string; subject: readonly NameEntry[] }> {
    const record = this.tickets.get(tokenDigest(token));
    if (!record) return { ok: false, problem: 'unknown' };
    if (record.usedAt !== null) return { ok: false, problem: 'used', usedAt: record.usedAt };
    record.usedAt = now.toISOString();
    this.changed();
    if (Date.parse(record.expiresAt) < now.getTime()) return { ok: false, problem: 'expired' };
    return { ok: true, value: { deviceId: record.deviceId, subject: record.subject } };
  }

  /** Waits until every change so far is on disk. Raises the last write error, if the last write failed. */
  async flush(): Promise<void> {
    while (this.saving) await this.saving;
    if (this.lastSaveError) throw this.lastSaveError;
  }

  private changed(): void {
    this.dirty = true;
    this.saving ??= this.saveLoop();
  }

  private async saveLoop(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const data: RegistryFile = { format: FORMAT, version: 1, devices: this.devices(), challenges: [...this.challenges.values()], scepTickets: [...this.tickets.values()] };
        try {
          await writeFileAtomic(this.file, Buffer.from(`${JSON.stringify(data, null, 1)}\n`), { mode: 0o600 });
          this.lastSaveError = null;
        } catch (error) {
          this.lastSaveError = error;
          this.onSaveError(error);
        }
      }
    } finally {
      this.saving = null;
    }
  }
}

/** Drops used or expired tokens past the retention time, then the oldest unused ones past MAX_OPEN_TOKENS. */
function prune<T extends { readonly digest: string; readonly issuedAt: string; readonly expiresAt: string; usedAt: string | null }>(records: Map<string, T>, now: Date): void {
  const cutoff = now.getTime() - TOKEN_RETENTION_MS;
  for (const [digest, record] of records) {
    const finished = record.usedAt !== null ? Date.parse(record.usedAt) : Date.parse(record.expiresAt);
    if (finished < cutoff) records.delete(digest);
  }
  const open = [...records.values()].filter((record) => record.usedAt === null);
  for (const record of open.slice(0, Math.max(0, open.length - MAX_OPEN_TOKENS))) records.delete(record.digest);
}

function parseRegistryFile(text: string, file: string): RegistryFile {
  const fail = (reason: string): never => {
    throw new EnrolmentServiceError('state-unavailable', `${file} is not a device registry written by this server: ${reason}; move it away to start a new registry`, { file });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON (${(error as Error).message})`);
  }
  const record = data as Partial<RegistryFile> | null;
  if (typeof record !== 'object' || record === null || record.format !== FORMAT) return fail(`"format" is not "${FORMAT}"`);
  if (record.version !== 1) return fail(`version ${String(record.version)} is not supported (expected 1)`);
  if (!Array.isArray(record.devices) || !Array.isArray(record.challenges) || !Array.isArray(record.scepTickets)) return fail('devices, challenges or scepTickets is not an array');
  if (record.devices.some((device) => typeof device?.deviceId !== 'string')) return fail('a device has no deviceId');
  return record as RegistryFile;
}
