// React access to the enrolment workbench's store.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { EnrolmentActions, EnrolmentState, EnrolmentStore } from './enrolment-store.ts';

export const EnrolmentContext = createContext<EnrolmentStore | null>(null);

export function useEnrolmentStore(): EnrolmentStore {
  const store = useContext(EnrolmentContext);
  if (!store) throw new Error('useEnrolmentStore must be called inside <EnrolmentContext.Provider>.');
  return store;
}

export function useEnrolment<T>(selector: (state: EnrolmentState & EnrolmentActions) => T): T {
  return useStore(useEnrolmentStore(), selector);
}
