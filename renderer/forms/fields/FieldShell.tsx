// The frame around one field: label, required mark, key name, help, default, findings, remove.

import type { ReactNode } from 'react';

import type { Diagnostic } from '../../../shared/validation/index.ts';
import { formatKeyPath, type KeyPath } from '../../../shared/profile/edit/paths.ts';
import { useForm } from '../form-context.ts';
import { FieldDescription } from './field-description.ts';
import { fieldId } from './ids.ts';

export interface FieldShellProps {
  readonly path: KeyPath;
  readonly label: string;
  /** The plist key, shown beside the label for admins who know the key names. */
  readonly keyName?: string;
  readonly help?: string;
  readonly required?: boolean;
  readonly defaultText?: string;
  /** Shows a Remove button that deletes the key. */
  readonly removable?: boolean;
  /** Set for groups (checkbox lists, dictionaries): the label names a fieldset instead of one input. */
  readonly group?: boolean;
  /** A problem found in the input before it reached the document, such as a number that does not parse. */
  readonly inputError?: string | null;
  readonly children: ReactNode;
}

export function FieldShell({ path, label, keyName, help, required, defaultText, removable, group, inputError, children }: FieldShellProps) {
  const form = useForm();
  const id = fieldId(path);
  const findings: readonly Diagnostic[] = form.diagnostics.get(formatKeyPath(path)) ?? [];
  const describedBy = [help ? `${id}-help` : '', findings.length > 0 || inputError ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined;

  const labelContent = (
    <>
      {label}
      {required ? (
        <span className="required-mark" aria-hidden="true">
          {' '}*
        </span>
      ) : null}
      {keyName && keyName !== label ? (
        <>
          {' '}
          <code className="key-name">{keyName}</code>
        </>
      ) : null}
    </>
  );

  const errors =
    findings.length > 0 || inputError ? (
      <ul className="field-errors" id={`${id}-errors`}>
        {inputError ? <li className="severity-error">{inputError}</li> : null}
        {findings.map((finding, i) => (
          <li key={i} className={`severity-${finding.severity}`}>
            {finding.message}
          </li>
        ))}
      </ul>
    ) : null;

  const remove =
    removable && form.editable ? (
      <button type="button" className="link-button" aria-label={`Remove ${keyName ?? label}`} onClick={() => form.edit(path, () => undefined)}>
        Remove
      </button>
    ) : null;

  const body = (
    <>
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {defaultText ? <p className="field-default">Default: {defaultText}</p> : null}
      {errors}
    </>
  );

  if (group) {
    return (
      <fieldset className="field field-group" data-key-path={formatKeyPath(path)} aria-describedby={describedBy}>
        <legend>{labelContent}</legend>
        {remove ? <div className="group-actions">{remove}</div> : null}
        {children}
        {body}
      </fieldset>
    );
  }

  return (
    <div className="field" data-key-path={formatKeyPath(path)}>
      <div className="field-label-row">
        <label htmlFor={id}>{labelContent}</label>
        {remove}
      </div>
      <FieldDescription.Provider value={{ id, describedBy, invalid: findings.some((f) => f.severity === 'error') || Boolean(inputError), required: Boolean(required) }}>
        {children}
      </FieldDescription.Provider>
      {body}
    </div>
  );
}
