// The passphrase question of an identity import. The typed text stays in this component's
// state only until it is submitted or cancelled, and then the field is cleared. The store
// never receives it.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { ModalDialog } from '../screens/ModalDialog.tsx';
import { useCertificates, useScreens } from '../screens/screens-context.ts';

export function PassphraseDialog() {
  const { certificates } = useScreens();
  const question = useCertificates((s) => s.question);
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    setText('');
    if (question) inputRef.current?.focus();
  }, [question]);

  if (!question) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const passphrase = text;
    setText('');
    certificates.getState().answer(passphrase);
  };
  const cancel = () => {
    setText('');
    certificates.getState().answer(null);
  };

  return (
    <ModalDialog titleId="passphrase-title" onEscape={cancel} onSubmit={submit}>
        <h2 id="passphrase-title">Passphrase for {question.fileLabel}</h2>
        <p>The passphrase is sent once to the app's main process to open the file, and is not kept.</p>
        {question.error ? (
          <p className="card-error" role="alert">
            {question.error}
          </p>
        ) : null}
        <label htmlFor={inputId}>Passphrase</label>
        <input id={inputId} ref={inputRef} className="input" type="password" autoComplete="off" spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
        <div className="modal-buttons">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Import
          </button>
        </div>
    </ModalDialog>
  );
}
