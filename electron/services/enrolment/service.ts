// The enrolment service the app calls over IPC: one server at a time, its state folder under
// the app's data folder, and the registry and log for the device table and live view.

import type { EnrolmentProfileRequest, EnrolmentProfileResult, EnrolmentServerSettings, EnrolmentServerStatus } from '../../../shared/enrolment/api.ts';
import { devicesToCsv, type EnrolledDevice } from '../../../shared/enrolment/devices.ts';
import type { EnrolmentLogEntry } from '../../../shared/enrolment/log-entry.ts';
import { explainProvisioningType, PROVISIONING_TYPES, type ProvisioningExplanation } from '../../../shared/enrolment/provisioning.ts';
import { decodePemBlocks } from '../../../shared/cms/pem.ts';
import type { SignerIdentity } from '../cms/sign.ts';
import { createEnrolmentProfile } from './enrolment-profile.ts';
import { EnrolmentServiceError } from './errors.ts';
import { startEnrolmentServer, type EnrolmentServer } from './server.ts';
import { rejectWhileServed } from './server-lock.ts';
import { openRegistry } from './workspace.ts';

export interface EnrolmentServiceDependencies {
  /** The state folder, chosen by the main process (under the app's data folder). */
  readonly stateDir: string;
  /** Returns the signing identity behind a handle from the identity service. */
  readonly resolveIdentity?: (identityId: string) => SignerIdentity | undefined;
  /** Returns the bytes of an open document, for the final profile. */
  readonly resolveDocument?: (documentId: string) => Uint8Array | undefined;
  /** Receives each log entry as it is written, to forward to the renderer. */
  readonly onLogEntry?: (entry: EnrolmentLogEntry) => void;
  /** Receives errors outside any request, such as a failed registry write. */
  readonly onError?: (message: string) => void;
}

export class EnrolmentService {
  private server: EnrolmentServer | null = null;
  private startedAt: Date | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly dependencies: EnrolmentServiceDependencies) {}

  explainTypes(): ProvisioningExplanation[] {
    return PROVISIONING_TYPES.map(explainProvisioningType);
  }

  /** Builds the enrolment profile for the "New enrolment profile" flow. */
  createProfile(request: EnrolmentProfileRequest): EnrolmentProfileResult {
    return createEnrolmentProfile(request, request.signingIdentityId ? this.identity(request.signingIdentityId) : undefined);
  }

  /** Starts the server; raises EnrolmentServiceError when one already runs or a setting is invalid. */
  async start(settings: EnrolmentServerSettings): Promise<EnrolmentServerStatus> {
    if (this.server) throw new EnrolmentServiceError('invalid-setting', `the enrolment server already runs at ${this.server.url}; stop it first`);
    const finalProfile = settings.finalProfileDocumentId ? this.document(settings.finalProfileDocumentId) : undefined;
    const deviceCaCertificates = settings.deviceCaPem ? decodePemBlocks(settings.deviceCaPem).filter((block) => block.label === 'CERTIFICATE').map((block) => block.der) : [];

    this.server = await startEnrolmentServer({
      stateDir: this.dependencies.stateDir,
      host: settings.host,
      port: settings.port,
      provisioning: settings.provisioning,
      ...(settings.rules && { rules: settings.rules }),
      ...(settings.sharedChallenge !== undefined && { sharedChallenge: settings.sharedChallenge }),
      ...(settings.attributes && { attributes: settings.attributes }),
      ...(finalProfile && { finalProfile, finalProfileName: 'the chosen final profile' }),
      ...(settings.signingIdentityId && { signer: this.identity(settings.signingIdentityId) }),
      deviceCaCertificates,
      ...(settings.organization && { organization: settings.organization }),
      ...(this.dependencies.onError && { onError: this.dependencies.onError }),
    });
    this.startedAt = new Date();
    if (this.dependencies.onLogEntry) this.unsubscribe = this.server.log.subscribe(this.dependencies.onLogEntry);
    return this.status();
  }

  /** Stops the server when one runs; waits until the registry and log are on disk. */
  async stop(): Promise<EnrolmentServerStatus> {
    const server = this.server;
    this.server = null;
    this.startedAt = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (server) await server.stop();
    return this.status();
  }

  status(): EnrolmentServerStatus {
    const server = this.server;
    return {
      running: server !== null,
      url: server?.url ?? null,
      enrolUrl: server?.enrolUrl ?? null,
      provisioning: server?.settings.provisioning ?? null,
      startedAt: this.startedAt?.toISOString() ?? null,
      requestCount: server?.log.entryCount ?? 0,
      deviceCount: server?.workspace.registry.devices().length ?? 0,
      warnings: server?.warnings ?? [],
    };
  }

  /** The device table: from the running server, or from the registry file when none runs. */
  async devices(): Promise<EnrolledDevice[]> {
    if (this.server) return this.server.workspace.registry.devices();
    return (await openRegistry(this.dependencies.stateDir)).devices();
  }

  /** The device table as CSV: the "how many devices use this server" report. */
  async devicesCsv(): Promise<string> {
    return devicesToCsv(await this.devices());
  }

  /** Revokes a device: custom provisioning turns it away from then on. Raises EnrolmentServiceError for an unknown device. */
  async revoke(deviceId: string): Promise<EnrolledDevice> {
    if (!this.server) await rejectWhileServed(this.dependencies.stateDir);
    const registry = this.server?.workspace.registry ?? (await openRegistry(this.dependencies.stateDir));
    if (!registry.revoke(deviceId, new Date())) throw new EnrolmentServiceError('invalid-setting', `no device "${deviceId}" in the registry`);
    await registry.flush();
    return registry.device(deviceId)!;
  }

  /** The latest log entries of the running server, oldest first. */
  recentLog(limit?: number): EnrolmentLogEntry[] {
    return this.server?.log.recent(limit) ?? [];
  }

  private identity(identityId: string): SignerIdentity {
    const identity = this.dependencies.resolveIdentity?.(identityId);
    if (!identity) throw new EnrolmentServiceError('invalid-setting', `the signing identity "${identityId}" is not imported; import it again`);
    return identity;
  }

  private document(documentId: string): Uint8Array {
    const bytes = this.dependencies.resolveDocument?.(documentId);
    if (!bytes) throw new EnrolmentServiceError('invalid-setting', `the document "${documentId}" is not open; open the final profile again`);
    return bytes;
  }
}
