// The enrolment workbench screen: the "New enrolment profile" flow, the local test server with
// its live log, and the enrolled devices, as three tabs.

import { useEffect, useState } from 'react';

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

  // Load on first show; the store outlives the screen, so the drafts survive switching screens.
  useEffect(() => {
    if (!store.getState().loaded) void store.getState().start();
  }, [store]);

  const badge = (key: Tab) => {
    if (key === 'server') return running ? ' (running)' : '';
    if (key === 'devices') return ` (${deviceCount})`;
    return '';
  };

  return (
    <div className="enrol-workbench">
      <div className="enrol-tabs" role="tablist" aria-label="Enrolment workbench">
        {TABS.map(({ key, label }) => (
          <button key={key} type="button" role="tab" id={`enrol-tab-${key}`} aria-selected={tab === key} aria-controls={`enrol-panel-${key}`} onClick={() => setTab(key)}>
            {label}
            {badge(key)}
          </button>
        ))}
      </div>
      <div className="enrol-panel" role="tabpanel" id={`enrol-panel-${tab}`} aria-labelledby={`enrol-tab-${tab}`}>
        {loaded ? null : <p className="enrol-hint">Loading…</p>}
        {tab === 'profile' ? <ProfileFlow /> : null}
        {tab === 'server' ? <ServerPanel /> : null}
        {tab === 'devices' ? <DevicesTable /> : null}
      </div>
    </div>
  );
}
