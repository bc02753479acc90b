// The certificate manager's state: identities, device certificates, where they are kept, and
// the passphrase question while an import waits for one.
//
// A passphrase never enters this store. The dialog hands it to the waiting import as a promise
// value, the import sends it once to the main process, and it goes out of scope when the import
// returns; the store holds only the question (file name and the last error).

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { IdentitySummary, Persistence, RecipientSummary } from '../../shared/keystore/summaries.ts';
import { IpcCallError, type IpcClient } from '../ipc/client.ts';

export interface PassphraseQuestion {
  /** The file the passphrase is for, as the dialog names it. */
  readonly fileLabel: string;
  /** What went wrong with the previous attempt (a wrong passphrase), or null. */
  readonly error: string | null;
  /** Settles the question: the typed passphrase, or null for Cancel. */
  readonly settle: (passphrase: string | null) => void;
}

export interface CertificateState {
  readonly loaded: boolean;
  readonly identities: readonly IdentitySummary[];
  readonly recipients: readonly RecipientSummary[];
  readonly persistence: Persistence | null;
  readonly loadProblem: string | null;
  readonly question: PassphraseQuestion | null;
  readonly busy: boolean;
}

export interface CertificateActions {
  refresh(): Promise<void>;
  /** Asks for a .p12/.pfx file and its passphrase, then imports it. */
  importPkcs12(): Promise<void>;
  /** Asks for a certificate file and its key file (and a passphrase when the key is encrypted), then imports them. */
  importPem(): Promise<void>;
  /** Imports a PKCS#12 file that was dropped for inspection. */
  importInspectedPkcs12(inspectionId: string, fileLabel: string): Promise<void>;
  removeIdentity(identityId: string): Promise<void>;
  /** Asks for device certificate files (several at once) and adds them as encryption recipients. */
  importRecipients(): Promise<void>;
  /** Adds the certificates of inspected certificate files as encryption recipients. */
  addInspectedRecipients(inspectionIds: readonly string[]): Promise<void>;
  removeRecipient(recipientId: string): Promise<void>;
  /** Answers the open passphrase question. */
  answer(passphrase: string | null): void;
}

export type CertificateStore = StoreApi<CertificateState & CertificateActions>;

export interface CertificateDeps {
  readonly client: IpcClient;
  notify(tone: 'info' | 'success' | 'error', message: string): void;
}

export function createCertificateStore(deps: CertificateDeps): CertificateStore {
  return createStore<CertificateState & CertificateActions>()((set, get) => {
    const { client } = deps;
    const report = (error: unknown) => deps.notify('error', error instanceof Error ? error.message : String(error));

    const ask = (fileLabel: string, error: string | null): Promise<string | null> =>
      new Promise((resolve) => {
        // A question still open is cancelled, so that no import waits forever.
        get().question?.settle(null);
        set({
          question: {
            fileLabel,
            error,
            settle: (passphrase) => {
              set({ question: null });
              resolve(passphrase);
            },
          },
        });
      });

    /**
     * Runs `attempt` until it succeeds, the user cancels, or it fails for a reason other than
     * the passphrase. With `askFirst` the passphrase is asked before the first attempt (PKCS#12
     * files always have one, possibly empty); otherwise only when the main process requests it.
     */
    const importWithPassphrase = async (fileLabel: string, askFirst: boolean, attempt: (passphrase: string | undefined) => Promise<IdentitySummary>): Promise<void> => {
      let passphrase: string | undefined;
      if (askFirst) {
        const typed = await ask(fileLabel, null);
        if (typed === null) return;
        passphrase = typed;
      }

      for (;;) {
        set({ busy: true });
        let summary: IdentitySummary;
        try {
          summary = await attempt(passphrase);
        } catch (error) {
          set({ busy: false });
          const code = error instanceof IpcCallError ? error.code : null;
          if (code !== 'wrong-passphrase' && code !== 'passphrase-required') return report(error);
          const typed = await ask(fileLabel, code === 'wrong-passphrase' ? (error as Error).message : null);
          if (typed === null) return;
          passphrase = typed;
          continue;
        }

        set({ busy: false });
        deps.notify('success', `Imported the identity ${summary.certificate.subject}.`);
        await get().refresh();
        return;
      }
    };

    const callThenRefresh = async (call: () => Promise<unknown>): Promise<void> => {
      try {
        await call();
        await get().refresh();
      } catch (error) {
        report(error);
      }
    };

    const importRecipientsWith = async (call: () => Promise<{ added: readonly RecipientSummary[]; failures: readonly { file: string; message: string }[] } | null>) => {
      try {
        const result = await call();
        if (!result) return;
        if (result.added.length > 0 || result.failures.length === 0) deps.notify('success', `Added ${result.added.length} device certificate${result.added.length === 1 ? '' : 's'}.`);
        for (const failure of result.failures) deps.notify('error', `${failure.file}: ${failure.message}`);
        await get().refresh();
      } catch (error) {
        report(error);
      }
    };

    return {
      loaded: false,
      identities: [],
      recipients: [],
      persistence: null,
      loadProblem: null,
      question: null,
      busy: false,

      async refresh() {
        try {
          const state = await client.call('keystore.state', {});
          set({ loaded: true, identities: state.identities, recipients: state.recipients, persistence: state.persistence, loadProblem: state.loadProblem });
        } catch (error) {
          report(error);
        }
      },

      async importPkcs12() {
        try {
          const chosen = await client.call('identity.choosePkcs12', {});
          if (!chosen) return;
          await importWithPassphrase(chosen.displayName, true, (passphrase) => client.call('identity.importPkcs12', { fileId: chosen.fileId, passphrase: passphrase ?? '' }));
        } catch (error) {
          report(error);
        }
      },

      async importPem() {
        try {
          const chosen = await client.call('identity.choosePem', {});
          if (!chosen) return;
          const { certificate, key } = chosen;
          await importWithPassphrase(key.displayName, false, (passphrase) =>
            client.call('identity.importPem', { certificateFileId: certificate.fileId, keyFileId: key.fileId, ...(passphrase === undefined ? {} : { passphrase }) }),
          );
        } catch (error) {
          report(error);
        }
      },

      importInspectedPkcs12: (inspectionId, fileLabel) =>
        importWithPassphrase(fileLabel, true, (passphrase) => client.call('identity.importPkcs12', { fileId: inspectionId, passphrase: passphrase ?? '' })),

      removeIdentity: (identityId) => callThenRefresh(() => client.call('identity.remove', { identityId })),

      importRecipients: () => importRecipientsWith(() => client.call('recipient.import', {})),
      addInspectedRecipients: (inspectionIds) => importRecipientsWith(() => client.call('recipient.importInspected', { inspectionIds: [...inspectionIds] })),

      removeRecipient: (recipientId) => callThenRefresh(() => client.call('recipient.remove', { recipientId })),

      answer(passphrase) {
        get().question?.settle(passphrase);
      },
    };
  });
}
