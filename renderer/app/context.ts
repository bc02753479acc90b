// React access to the stores and the controller, and typed selector hooks.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { SchemaRegistry } from '../../shared/schema/index.ts';
import type { EditorActions, EditorState, EditorStore } from '../store/editor-store.ts';
import type { Controller } from './controller.ts';
import type { UiActions, UiState, UiStore } from './ui-store.ts';

export interface AppServices {
  readonly editor: EditorStore;
  readonly ui: UiStore;
  readonly controller: Controller;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices must be called inside <AppContext.Provider>.');
  return services;
}

export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useServices().editor, selector);
}

export function useUi<T>(selector: (state: UiState & UiActions) => T): T {
  return useStore(useServices().ui, selector);
}

/** The schemas in use: the built-in ones, or those loaded from a folder on top of them. */
export function useSchemas(): SchemaRegistry {
  return useEditor((state) => state.validation.registry);
}
