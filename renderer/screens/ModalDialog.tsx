// The frame of the screens' modal dialogs: backdrop, dialog role, title reference and Escape.

import type { FormEvent, ReactNode } from 'react';

export function ModalDialog({
  titleId,
  onEscape,
  onSubmit,
  className = '',
  children,
}: {
  titleId: string;
  onEscape: () => void;
  /** Makes the dialog a form, so that Enter in a field submits it. */
  onSubmit?: (event: FormEvent) => void;
  className?: string;
  children: ReactNode;
}) {
  const props = {
    className: `modal ${className}`.trim(),
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    onKeyDown: (event: { key: string }) => {
      if (event.key === 'Escape') onEscape();
    },
  } as const;
  return <div className="modal-backdrop">{onSubmit ? <form {...props} onSubmit={onSubmit}>{children}</form> : <div {...props}>{children}</div>}</div>;
}
