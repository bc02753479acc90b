// Interface state that is not part of the document: dialogs, notices, panels and focus requests.

import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DraftInfo, RecentEntry } from '../../shared/ipc/contract.ts';

export type NoticeTone = 'info' | 'success' | 'error';

export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  readonly message: string;
}

/** A question with buttons; the promise resolves to the chosen button's value. */
export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  readonly buttons: readonly { readonly label: string; readonly value: string; readonly primary?: boolean }[];
  /** Value returned when the dialog is dismissed with Escape. */
  readonly cancelValue: string;
}

/** A request to move the keyboard focus to a form field or an XML line; `nonce` makes repeats distinct. */
export interface FocusRequest {
  readonly keyPath?: string;
  readonly line?: number;
  readonly column?: number;
  readonly nonce: number;
}

export interface UiState {
  readonly notices: readonly Notice[];
  readonly confirm: (ConfirmRequest & { readonly resolve: (value: string) => void }) | null;
  readonly libraryOpen: boolean;
  readonly showXml: boolean;
  readonly drafts: readonly DraftInfo[];
  readonly recent: readonly RecentEntry[];
  readonly focus: FocusRequest | null;
  /** Bumped by the Find command, so that the XML editor opens its find widget. */
  readonly findNonce: number;
  /** Bumped by the Validate command, so that the Problems panel takes the focus. */
  readonly problemsNonce: number;
}

export interface UiActions {
  notify(tone: NoticeTone, message: string): void;
  dismissNotice(id: number): void;
  ask(request: ConfirmRequest): Promise<string>;
  answer(value: string): void;
  setLibraryOpen(open: boolean): void;
  toggleXml(): void;
  setDrafts(drafts: readonly DraftInfo[]): void;
  setRecent(recent: readonly RecentEntry[]): void;
  requestFocus(target: Omit<FocusRequest, 'nonce'>): void;
  requestFind(): void;
  requestProblemsFocus(): void;
}

export type UiStore = StoreApi<UiState & UiActions>;

/** Notices shown at once; older ones are dropped. */
const MAX_NOTICES = 4;

export function createUiStore(): UiStore {
  let nextNoticeId = 1;
  let nextNonce = 1;
  return createStore<UiState & UiActions>()((set, get) => ({
    notices: [],
    confirm: null,
    libraryOpen: false,
    showXml: true,
    drafts: [],
    recent: [],
    focus: null,
    findNonce: 0,
    problemsNonce: 0,

    notify(tone, message) {
      set({ notices: [...get().notices, { id: nextNoticeId++, tone, message }].slice(-MAX_NOTICES) });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    ask(request) {
      // A question still open is answered with its cancel value, so that no caller waits forever.
      get().confirm?.resolve(get().confirm!.cancelValue);
      return new Promise<string>((resolve) => set({ confirm: { ...request, resolve } }));
    },
    answer(value) {
      const pending = get().confirm;
      set({ confirm: null });
      pending?.resolve(value);
    },
    setLibraryOpen(open) {
      set({ libraryOpen: open });
    },
    toggleXml() {
      set({ showXml: !get().showXml });
    },
    setDrafts(drafts) {
      set({ drafts });
    },
    setRecent(recent) {
      set({ recent });
    },
    requestFocus(target) {
      set({ focus: { ...target, nonce: nextNonce++ } });
    },
    requestFind() {
      set({ findNonce: get().findNonce + 1 });
    },
    requestProblemsFocus() {
      set({ problemsNonce: get().problemsNonce + 1 });
    },
  }));
}
