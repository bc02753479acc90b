// Short messages about what just happened (saved, failed, recovered), announced to screen readers.

import { useEffect } from 'react';

import { useServices, useUi } from '../app/context.ts';

/** How long a success or info notice stays, in milliseconds; errors stay until dismissed. */
const NOTICE_MS = 6000;

export function Notices() {
  const { ui } = useServices();
  const notices = useUi((s) => s.notices);

  useEffect(() => {
    const timers = notices.filter((n) => n.tone !== 'error').map((n) => setTimeout(() => ui.getState().dismissNotice(n.id), NOTICE_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, ui]);

  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
          <span>{notice.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => ui.getState().dismissNotice(notice.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
