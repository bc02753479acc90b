// The in-app question dialog (unsaved changes), modal and keyboard-operable.

import { useEffect, useRef } from 'react';

import { useServices, useUi } from '../app/context.ts';

export function ConfirmDialog() {
  const { ui } = useServices();
  const request = useUi((s) => s.confirm);
  const primaryRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (request) primaryRef.current?.focus();
  }, [request]);

  if (!request) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            ui.getState().answer(request.cancelValue);
          }
        }}
      >
        <h2 id="confirm-title">{request.title}</h2>
        <p id="confirm-message">{request.message}</p>
        <div className="modal-buttons">
          {request.buttons.map((button) => (
            <button key={button.value} type="button" className={button.primary ? 'primary' : undefined} ref={button.primary ? primaryRef : undefined} onClick={() => ui.getState().answer(button.value)}>
              {button.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
