// Which screen the window shows: the profile editor, the inspection screen, the certificate
// manager or the enrolment workbench.

import { createStore, type StoreApi } from 'zustand/vanilla';

export type Screen = 'editor' | 'inspect' | 'certificates' | 'enrolment';

export interface NavigationState {
  readonly screen: Screen;
  show(screen: Screen): void;
}

export type NavigationStore = StoreApi<NavigationState>;

export function createNavigationStore(): NavigationStore {
  return createStore<NavigationState>()((set) => ({
    screen: 'editor',
    show(screen) {
      set({ screen });
    },
  }));
}
