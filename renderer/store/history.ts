// One undo/redo history for form and XML edits.
//
// The history stores document texts: the XML text is the one source both editors are derived
// from, so restoring a text restores both. Consecutive edits in the same group (typing in one
// form field, or typing in the XML editor) within GROUP_WINDOW_MS of each other merge into one
// step, so that undo reverts a burst of typing rather than one character.

/** Pause in milliseconds after which the next keystroke starts a new undo step. */
export const GROUP_WINDOW_MS = 1000;

/** Maximum undo steps kept; older ones are dropped. */
export const MAX_HISTORY = 200;

export interface HistoryEntry<S> {
  /** The state before the edit (in `past`) or after it (in `future`). */
  readonly state: S;
}

export interface History<S> {
  readonly past: readonly HistoryEntry<S>[];
  readonly future: readonly HistoryEntry<S>[];
  /** Group and time of the last recorded edit, for merging. */
  readonly lastGroup: string | null;
  readonly lastTime: number;
}

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [], lastGroup: null, lastTime: 0 };
}

/**
 * Records an edit that replaced `before`. Returns the new history: with `before` pushed as an
 * undo step, unless the edit continues the previous one's group within the window.
 */
export function recordEdit<S>(history: History<S>, before: S, group: string | null, now: number): History<S> {
  const continues = group !== null && group === history.lastGroup && now - history.lastTime <= GROUP_WINDOW_MS && history.past.length > 0;
  const past = continues ? history.past : [...history.past, { state: before }].slice(-MAX_HISTORY);
  return { past, future: [], lastGroup: group, lastTime: now };
}

/** Returns the state to restore and the new history, or null when there is nothing to undo. */
export function undo<S>(history: History<S>, current: S): { state: S; history: History<S> } | null {
  const last = history.past.at(-1);
  if (!last) return null;
  return {
    state: last.state,
    history: { past: history.past.slice(0, -1), future: [{ state: current }, ...history.future], lastGroup: null, lastTime: 0 },
  };
}

/** Returns the state to restore and the new history, or null when there is nothing to redo. */
export function redo<S>(history: History<S>, current: S): { state: S; history: History<S> } | null {
  const next = history.future[0];
  if (!next) return null;
  return {
    state: next.state,
    history: { past: [...history.past, { state: current }], future: history.future.slice(1), lastGroup: null, lastTime: 0 },
  };
}

/** Ends the current group, so that the next edit becomes its own step (on blur, or after a save). */
export function closeGroup<S>(history: History<S>): History<S> {
  return { ...history, lastGroup: null };
}
