// The Open Recent list in the toolbar, mirroring the native menu's.

import { useRef } from 'react';

import { useServices, useUi } from '../app/context.ts';

export function RecentMenu() {
  const { controller } = useServices();
  const recent = useUi((s) => s.recent);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  const close = () => {
    if (detailsRef.current) detailsRef.current.open = false;
  };

  return (
    <details className="recent-menu" ref={detailsRef} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <summary>Recent</summary>
      <div className="recent-list">
        {recent.length === 0 ? <p className="hint">No recent documents.</p> : null}
        <ul>
          {recent.map((entry) => (
            <li key={entry.filePath}>
              <button
                type="button"
                className="recent-item"
                title={entry.filePath}
                onClick={() => {
                  close();
                  void controller.openRecent(entry.filePath);
                }}
              >
                <span>{entry.displayName}</span>
                <span className="hint">{entry.filePath}</span>
              </button>
            </li>
          ))}
        </ul>
        {recent.length > 0 ? (
          <button
            type="button"
            className="small-button"
            onClick={() => {
              close();
              void controller.clearRecent();
            }}
          >
            Clear list
          </button>
        ) : null}
      </div>
    </details>
  );
}
