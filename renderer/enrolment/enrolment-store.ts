// The enrolment workbench's state: the "New enrolment profile" flow, the test server panel
// with its live request log, and the enrolled devices table.
//
// The provisioning type, the requested attributes and the challenge are chosen once, in the
// flow, and the server panel starts the server with the same choices, so that the profile
// written and the server started agree.

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { EnrolmentServerStatus } from '../../shared/enrolment/api.ts';
import type { EnrolledDevice } from '../../shared/enrolment/devices.ts';
import type { EnrolmentLogEntry } from '../../shared/enrolment/log-entry.ts';
import type { ProvisioningExplanation, ProvisioningType } from '../../shared/enrolment/provisioning.ts';
import type { EnrolmentContract, EnrolmentEvents, EnrolmentMethod, SavedDevicesCsv, SavedEnrolmentProfile } from '../../shared/ipc/enrolment-contract.ts';
import type { IdentitySummary } from '../../shared/keystore/summaries.ts';
import type { Timers } from '../app/controller.ts';
import { nextOrder, type SortOrder } from '../inspect/table-sort.ts';
import { DEFAULT_DEVICE_ORDER, type DeviceColumn } from './device-table.ts';
import { newProfileDraft, PROFILE_STEPS, profileRequestOf, stepProblems, toggleAttribute, type ProfileDraft } from './profile-form.ts';
import { newServerDraft, serverRequestOf, type RulesDraft, type ServerDraft, type SharedChoices } from './server-form.ts';

/** The part of the IPC client the workbench uses; the app passes its IpcClient. */
export interface EnrolmentClient {
  call<M extends EnrolmentMethod>(method: M, request: EnrolmentContract[M]['request']): Promise<EnrolmentContract[M]['response']>;
  on(event: 'enrolment-log', listener: (payload: EnrolmentEvents['enrolment-log']) => void): () => void;
}

export type Busy = 'saving' | 'starting' | 'stopping' | 'exporting' | null;

export interface EnrolmentState {
  readonly loaded: boolean;
  readonly explanations: readonly ProvisioningExplanation[];
  readonly identities: readonly IdentitySummary[];
  readonly provisioning: ProvisioningType;
  readonly profile: ProfileDraft;
  /** Index into PROFILE_STEPS. */
  readonly step: number;
  readonly savedProfile: SavedEnrolmentProfile | null;
  readonly server: ServerDraft;
  /** Problems to fix before the server can start, found by the last Start. */
  readonly serverProblems: readonly string[];
  readonly status: EnrolmentServerStatus;
  /** The request log, oldest first, at most MAX_LOG_ENTRIES. */
  readonly log: readonly EnrolmentLogEntry[];
  readonly devices: readonly EnrolledDevice[];
  readonly deviceOrder: SortOrder<DeviceColumn>;
  readonly savedCsv: SavedDevicesCsv | null;
  readonly busy: Busy;
}

export interface EnrolmentActions {
  /** Loads the explanations, identities, status, devices and recent log, and listens for new log entries. */
  start(): Promise<void>;
  /** Stops listening and the pending refresh. */
  dispose(): void;
  refreshIdentities(): Promise<void>;
  setProvisioning(type: ProvisioningType): void;
  updateProfile(patch: Partial<Omit<ProfileDraft, 'attributes'>>): void;
  setAttribute(name: string, checked: boolean): void;
  /** Moves to a step; forward only when the steps before it are complete. */
  goToStep(step: number): void;
  /** Puts the running server's Profile Service URL into the flow. */
  useServerUrl(): void;
  saveProfile(): Promise<void>;
  updateServer(patch: Partial<Omit<ServerDraft, 'rules'>>): void;
  updateRules(patch: Partial<RulesDraft>): void;
  chooseFinalProfile(): Promise<void>;
  chooseDeviceCa(): Promise<void>;
  /** Starts the server; `editorDocument` is the document open in the editor, for the final profile. */
  startServer(editorDocument: SharedChoices['editorDocument']): Promise<void>;
  stopServer(): Promise<void>;
  refreshDevices(): Promise<void>;
  sortDevices(column: DeviceColumn): void;
  exportCsv(): Promise<void>;
  revokeDevice(deviceId: string): Promise<void>;
  /** Adds log entries from the main process. */
  receiveLog(entries: readonly EnrolmentLogEntry[]): void;
}

export type EnrolmentStore = StoreApi<EnrolmentState & EnrolmentActions>;

export interface EnrolmentDeps {
  readonly client: EnrolmentClient;
  notify(tone: 'info' | 'success' | 'error', message: string): void;
  readonly timers?: Timers;
}

/** Log entries kept for the live view, as many as the server keeps in memory. */
export const MAX_LOG_ENTRIES = 500;

/** Pause after the last log entry before the device table and status are fetched again, in milliseconds. */
export const REFRESH_DELAY_MS = 300;

export const STOPPED_STATUS: EnrolmentServerStatus = {
  running: false,
  url: null,
  enrolUrl: null,
  provisioning: null,
  startedAt: null,
  requestCount: 0,
  deviceCount: 0,
  warnings: [],
};

export function createEnrolmentStore(deps: EnrolmentDeps): EnrolmentStore {
  const timers: Timers = deps.timers ?? globalThis;

  return createStore<EnrolmentState & EnrolmentActions>()((set, get) => {
    const { client } = deps;
    const report = (error: unknown) => deps.notify('error', error instanceof Error ? error.message : String(error));
    let unsubscribe: (() => void) | null = null;
    let refreshTimer: unknown = null;

    /** Runs `work` with `busy` set, reporting a failure; returns false when it failed. */
    const withBusy = async (busy: Exclude<Busy, null>, work: () => Promise<void>): Promise<boolean> => {
      set({ busy });
      try {
        await work();
        return true;
      } catch (error) {
        report(error);
        return false;
      } finally {
        set({ busy: null });
      }
    };

    // NOTE: this reads the whole registry after each burst of requests. A test server's few
    // hundred devices make a small reply; a registry of tens of thousands would need paging.
    const fetchDevicesAndStatus = async () => {
      const [devices, status] = await Promise.all([client.call('enrolment.devices', {}), client.call('enrolment.status', {})]);
      set({ devices, status });
    };

    const scheduleRefresh = () => {
      if (refreshTimer !== null) timers.clearTimeout(refreshTimer);
      refreshTimer = timers.setTimeout(() => {
        refreshTimer = null;
        fetchDevicesAndStatus().catch(report);
      }, REFRESH_DELAY_MS);
    };

    return {
      loaded: false,
      explanations: [],
      identities: [],
      provisioning: 'custom',
      profile: newProfileDraft(),
      step: 0,
      savedProfile: null,
      server: newServerDraft(),
      serverProblems: [],
      status: STOPPED_STATUS,
      log: [],
      devices: [],
      deviceOrder: DEFAULT_DEVICE_ORDER,
      savedCsv: null,
      busy: null,

      async start() {
        unsubscribe ??= client.on('enrolment-log', ({ entries }) => get().receiveLog(entries));
        try {
          const [explanations, identities, status, devices, log] = await Promise.all([
            client.call('enrolment.explainTypes', {}),
            client.call('enrolment.identities', {}),
            client.call('enrolment.status', {}),
            client.call('enrolment.devices', {}),
            client.call('enrolment.recentLog', { limit: MAX_LOG_ENTRIES }),
          ]);
          set({ explanations, identities, status, devices, log: mergeLog(get().log, log), loaded: true });
        } catch (error) {
          report(error);
        }
      },

      dispose() {
        unsubscribe?.();
        unsubscribe = null;
        if (refreshTimer !== null) timers.clearTimeout(refreshTimer);
        refreshTimer = null;
      },

      async refreshIdentities() {
        try {
          set({ identities: await client.call('enrolment.identities', {}) });
        } catch (error) {
          report(error);
        }
      },

      setProvisioning(provisioning) {
        set({ provisioning });
      },

      updateProfile(patch) {
        set({ profile: { ...get().profile, ...patch }, savedProfile: null });
      },

      setAttribute(name, checked) {
        const profile = get().profile;
        set({ profile: { ...profile, attributes: toggleAttribute(profile.attributes, name, checked) }, savedProfile: null });
      },

      goToStep(step) {
        if (step < 0 || step >= PROFILE_STEPS.length) return;
        const { profile } = get();
        for (let before = 0; before < step; before++) if (stepProblems(profile, before).length > 0) return;
        set({ step });
      },

      useServerUrl() {
        const url = get().status.enrolUrl;
        if (url) get().updateProfile({ url });
      },

      async saveProfile() {
        const { profile, provisioning } = get();
        await withBusy('saving', async () => {
          const saved = await client.call('enrolment.saveProfile', profileRequestOf(profile, provisioning));
          if (!saved) return;
          set({ savedProfile: saved });
          deps.notify('success', `Saved the ${saved.signed ? 'signed' : 'unsigned'} enrolment profile as ${saved.filePath}.`);
        });
      },

      updateServer(patch) {
        set({ server: { ...get().server, ...patch }, serverProblems: [] });
      },

      updateRules(patch) {
        const server = get().server;
        set({ server: { ...server, rules: { ...server.rules, ...patch } }, serverProblems: [] });
      },

      async chooseFinalProfile() {
        try {
          const chosen = await client.call('enrolment.chooseFinalProfile', {});
          if (chosen) get().updateServer({ finalProfile: 'file', finalFile: chosen });
        } catch (error) {
          report(error);
        }
      },

      async chooseDeviceCa() {
        try {
          const chosen = await client.call('enrolment.chooseDeviceCa', {});
          if (chosen) get().updateServer({ deviceCa: chosen });
        } catch (error) {
          report(error);
        }
      },

      async startServer(editorDocument) {
        const { server, provisioning, profile } = get();
        const built = serverRequestOf(server, { provisioning, attributes: profile.attributes, challenge: profile.challenge, editorDocument });
        if (!built.ok) {
          set({ serverProblems: built.problems });
          return;
        }
        await withBusy('starting', async () => {
          const status = await client.call('enrolment.startServer', built.request);
          set({ status, serverProblems: [] });
          deps.notify('success', `The enrolment server runs at ${status.url}.`);
        });
      },

      async stopServer() {
        await withBusy('stopping', async () => {
          set({ status: await client.call('enrolment.stopServer', {}) });
          set({ devices: await client.call('enrolment.devices', {}) });
        });
      },

      async refreshDevices() {
        try {
          await fetchDevicesAndStatus();
        } catch (error) {
          report(error);
        }
      },

      sortDevices(column) {
        set({ deviceOrder: nextOrder(get().deviceOrder, column) });
      },

      async exportCsv() {
        await withBusy('exporting', async () => {
          const saved = await client.call('enrolment.saveDevicesCsv', {});
          if (!saved) return;
          set({ savedCsv: saved });
          deps.notify('success', `Exported ${saved.deviceCount} ${saved.deviceCount === 1 ? 'device' : 'devices'} to ${saved.filePath}.`);
        });
      },

      async revokeDevice(deviceId) {
        try {
          const revoked = await client.call('enrolment.revokeDevice', { deviceId });
          set({ devices: get().devices.map((device) => (device.deviceId === revoked.deviceId ? revoked : device)) });
          deps.notify('info', `Revoked device ${deviceId}; custom provisioning turns it away from now on.`);
        } catch (error) {
          report(error);
        }
      },

      receiveLog(entries) {
        if (entries.length === 0) return;
        const { log, status } = get();
        const added = newLogEntries(log, entries);
        if (added.length === 0) return;

        // The request count follows the log at once; the device count waits for the refresh.
        const requestCount = status.requestCount + added.length;
        set({ log: [...log, ...added].slice(-MAX_LOG_ENTRIES), status: status.running ? { ...status, requestCount } : status });
        scheduleRefresh();
      },
    };
  });
}

/**
 * Returns the entries of `entries` that `log` does not contain yet (the recent log fetched at
 * start and the first events can overlap). Entries are known by time and request id, because
 * request ids start again at 1 with each server run.
 */
export function newLogEntries(log: readonly EnrolmentLogEntry[], entries: readonly EnrolmentLogEntry[]): EnrolmentLogEntry[] {
  const keyOf = (entry: EnrolmentLogEntry) => `${entry.time}#${entry.requestId}`;
  const known = new Set(log.map(keyOf));
  return entries.filter((entry) => {
    const key = keyOf(entry);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
}

/** Appends the new entries of `entries` to `log` and keeps the latest MAX_LOG_ENTRIES. */
export function mergeLog(log: readonly EnrolmentLogEntry[], entries: readonly EnrolmentLogEntry[]): EnrolmentLogEntry[] {
  return [...log, ...newLogEntries(log, entries)].slice(-MAX_LOG_ENTRIES);
}
