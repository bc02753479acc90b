// React access to the stores and the controller, and typed selector hooks.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';

import type { SchemaRegistry } from '../../shared/schema/index.ts';
import type { ReadableStore } from '../store/deferred-view.ts';
import type { EditorActions, EditorState, EditorStore } from '../store/editor-store.ts';
import type { Controller } from './controller.ts';
import type { UiActions, UiState, UiStore } from './ui-store.ts';

export interface AppServices {
  /** The editor store itself: actions, and the current state for code outside React. */
  readonly editor: EditorStore;
  /**
   * The editor state that components render. Typing in the XML editor reaches it after the next paint (see deferred-view.ts).
   * NOTE: while typing waits, source positions in its model may already be those of the newer text, because reparseEdit
   * moves them in place on the values the two models share. Read positions for the XML editor from `editor`.
   */
  readonly editorView: ReadableStore<EditorState & EditorActions>;
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
  return useStore(useServices().editorView, selector);
}

export function useUi<T>(selector: (state: UiState & UiActions) => T): T {
  return useStore(useServices().ui, selector);
}

/** The schemas in use: the built-in ones, or those loaded from a folder on top of them. */
export function useSchemas(): SchemaRegistry {
  return useEditor((state) => state.validation.registry);
}
