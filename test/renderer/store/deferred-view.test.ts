import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';

import { createDeferredView, type Scheduler } from '../../../renderer/store/deferred-view.ts';
import { isTypingChange } from '../../../renderer/store/editor-store.ts';

interface State {
  readonly text: string;
  readonly externalRevision: number;
}

/** Creates a scheduler that the test runs by hand, with a count of cancelled tasks. */
function manualScheduler() {
  const tasks: (() => void)[] = [];
  let cancelled = 0;
  const schedule: Scheduler = (task) => {
    tasks.push(task);
    return () => {
      const index = tasks.indexOf(task);
      if (index >= 0) tasks.splice(index, 1);
      cancelled++;
    };
  };
  return { schedule, pending: () => tasks.length, cancelled: () => cancelled, runAll: () => tasks.splice(0).forEach((task) => task()) };
}

function setup() {
  const source = createStore<State>()(() => ({ text: 'a', externalRevision: 0 }));
  const scheduler = manualScheduler();
  const view = createDeferredView(source, isTypingChange, scheduler.schedule);
  const seen: string[] = [];
  view.subscribe((state) => seen.push(state.text));
  return { source, view, scheduler, seen };
}

describe('createDeferredView', () => {
  it('defers typing until scheduled task', () => {
    const { source, view, scheduler, seen } = setup();
    source.setState({ text: 'ab' });
    source.setState({ text: 'abc' });

    expect(view.getState().text).toBe('a');
    expect(seen).toEqual([]);
    expect(scheduler.pending()).toBe(1);

    scheduler.runAll();
    expect(view.getState().text).toBe('abc');
    expect(seen).toEqual(['abc']);
  });

  it('flushes typing with other changes', () => {
    const { source, view, scheduler, seen } = setup();
    source.setState({ text: 'ab' });
    source.setState({ text: 'form edit', externalRevision: 1 });

    expect(view.getState()).toEqual({ text: 'form edit', externalRevision: 1 });
    expect(seen).toEqual(['form edit']);
    expect(scheduler.pending()).toBe(0);
    expect(scheduler.cancelled()).toBe(1);
  });

  it('passes text-free change at once', () => {
    const { source, view, seen } = setup();
    source.setState({ externalRevision: 0 });
    expect(view.getState()).toEqual(source.getState());
    expect(seen).toEqual(['a']);
  });

  it('stops notifying unsubscribed listener', () => {
    const { source, view, scheduler } = setup();
    const calls: string[] = [];
    const unsubscribe = view.subscribe((state) => calls.push(state.text));
    unsubscribe();
    source.setState({ text: 'ab' });
    scheduler.runAll();
    expect(calls).toEqual([]);
  });
});
