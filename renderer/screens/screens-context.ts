// React access to the inspection, certificate and export stores, with typed selector hooks.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { CertificateActions, CertificateState } from '../certificates/certificate-store.ts';
import type { ExportActions, ExportState } from '../export/export-store.ts';
import type { InspectionActions, InspectionState } from '../inspect/inspection-store.ts';
import type { NavigationState } from './navigation-store.ts';
import type { ScreenServices } from './screen-services.ts';

export const ScreensContext = createContext<ScreenServices | null>(null);

export function useScreens(): ScreenServices {
  const services = useContext(ScreensContext);
  if (!services) throw new Error('useScreens must be called inside <ScreensContext.Provider>.');
  return services;
}

export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(useScreens().navigation, selector);
}

export function useInspection<T>(selector: (state: InspectionState & InspectionActions) => T): T {
  return useStore(useScreens().inspection, selector);
}

export function useCertificates<T>(selector: (state: CertificateState & CertificateActions) => T): T {
  return useStore(useScreens().certificates, selector);
}

export function useExport<T>(selector: (state: ExportState & ExportActions) => T): T {
  return useStore(useScreens().exporting, selector);
}
