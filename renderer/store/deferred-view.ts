// A read-only view of a store for React, which receives some changes one frame late.
//
// Typing in the XML editor changes the text, the model and the findings on every key. The
// XML editor shows its markers straight from the store, but the forms, the sidebar and the
// Problems panel re-render from the model, and on a profile of a megabyte that render takes
// longer than a frame. Handing those changes to React after the browser has painted lets the
// typed character and its markers appear first. Every other change (a form edit, undo, a load)
// reaches React at once, with any change still waiting, so that what the user clicked shows
// in the same frame.

import type { StoreApi } from 'zustand/vanilla';

/** The part of a zustand store that React's useStore reads. */
export type ReadableStore<S> = Pick<StoreApi<S>, 'getState' | 'getInitialState' | 'subscribe'>;

/** Runs `task` once, later; returns a function that cancels it. */
export type Scheduler = (task: () => void) => () => void;

/** Maximum wait for a deferred change, for windows in the background, where frames stop. */
const MAX_DEFER_MS = 100;

/**
 * Schedules `task` after the browser's next paint: a timer set from an animation frame runs
 * once that frame is drawn. A fallback timer runs it anyway when no frame comes.
 */
export const afterNextPaint: Scheduler = (task) => {
  let done = false;
  let paintTimer: ReturnType<typeof setTimeout> | undefined;
  const runOnce = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    clearTimeout(paintTimer);
    cancelAnimationFrame(frame);
    task();
  };
  const frame = requestAnimationFrame(() => {
    paintTimer = setTimeout(runOnce, 0);
  });
  const fallback = setTimeout(runOnce, MAX_DEFER_MS);
  return () => {
    done = true;
    clearTimeout(fallback);
    clearTimeout(paintTimer);
    cancelAnimationFrame(frame);
  };
};

/**
 * Returns a view of `source` for React. A change for which `defer(next, previous)` is true
 * reaches the view's listeners through `schedule`. Any other change reaches them at once,
 * together with the deferred changes before it.
 */
export function createDeferredView<S>(source: StoreApi<S>, defer: (next: S, previous: S) => boolean, schedule: Scheduler = afterNextPaint): ReadableStore<S> {
  let published = source.getState();
  const listeners = new Set<(state: S, previous: S) => void>();
  let cancelPending: (() => void) | null = null;

  const publish = () => {
    cancelPending?.();
    cancelPending = null;

    const previous = published;
    published = source.getState();
    if (published === previous) return;
    for (const listener of listeners) listener(published, previous);
  };

  source.subscribe((next, previous) => {
    if (!defer(next, previous)) {
      publish();
      return;
    }
    cancelPending ??= schedule(() => {
      cancelPending = null;
      publish();
    });
  });

  return {
    getState: () => published,
    getInitialState: () => source.getInitialState(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
