// The enrolment workbench screen: the "New enrolment profile" flow, the local test server with
// its live log, and the enrolled devices, as three tabs.

import { useEffect, useState, type KeyboardEvent } from 'react';

import { DevicesTable } from './DevicesTable.tsx';
import { useEnrolment, useEnrolmentStore } from './context.ts';
import { ProfileFlow } from './ProfileFlow.tsx';
import { ServerPanel } from './ServerPanel.tsx';
import './enrolment.css';

const TABS = [
  { key: 'profile', label: 'New enrolment profile' },
  { key: 'server', label: 'Test server' },
  { key: 'devices', label: 'Enrolled devices' },
] as const;

type Tab = (typeof TABS)[number]['key'];

export function EnrolmentWorkbench() {
  const store = useEnrolmentStore();
  const loaded = useEnrolment((s) => s.loaded);
  const running = useEnrolment((s) => s.status.running);
  const deviceCount = useEnrolment((s) => s.devices.length);
  const [tab, setTab] = useState<Tab>('profile');

  // Load on first show. The store outlives the screen, so the drafts survive switching screens,
  // and only the identities, which the certificate manager may have changed, are read again.
  useEffect(() => {
    if (store.getState().loaded) void store.getState().refreshIdentities();
    else void store.getState().start();
  }, [store]);

  // Arrow keys move between the tabs, as in the WAI-ARIA tabs pattern.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TABS.findIndex(({ key }) => key === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length].key;
    setTab(next);
    document.getElementById(`enrol-tab-${next}`)?.focus();
  };

  const badge = (key: Tab) => {
    if (key === 'server') return running ? ' (running)' : '';
    if (key === 'devices') return ` (${deviceCount})`;
    return '';
  };

  return (
    <div className="enrol-workbench">
      <div className="enrol-tabs" role="tablist" aria-label="Enrolment workbench">
        {TABS.map(({ key, label }) => (
          <button key={key} type="button" role="tab" id={`enrol-tab-${key}`} aria-selected={tab === key} aria-controls={`enrol-panel-${key}`} tabIndex={tab === key ? 0 : -1} onClick={() => setTab(key)} onKeyDown={onTabKey}>
            {label}
            {badge(key)}
          </button>
        ))}
      </div>
      {loaded ? null : <p className="enrol-hint enrol-loading">Loading…</p>}
      {TABS.map(({ key }) => (
        <div key={key} className="enrol-panel" role="tabpanel" id={`enrol-panel-${key}`} aria-labelledby={`enrol-tab-${key}`} hidden={tab !== key}>
          {tab === key ? panelOf(key) : null}
        </div>
      ))}
    </div>
  );
}

function panelOf(tab: Tab) {
  switch (tab) {
    case 'profile':
      return <ProfileFlow />;
    case 'server':
      return <ServerPanel />;
    case 'devices':
      return <DevicesTable />;
    default: {
      const unknown: never = tab;
      return String(unknown);
    }
  }
}
