// Pieces shared by the payload, general and Profile Service forms.

import type { ReactNode } from 'react';

import { dictGet, type PlistDict, type PlistValue } from '../../shared/plist/model.ts';
import type { KeySchema } from '../../shared/schema/model.ts';
import type { KeyPath } from '../../shared/profile/edit/paths.ts';
import { randomUuid } from '../model/uuid.ts';
import { useForm } from './form-context.ts';
import { KeyField, type Definitions } from './fields/KeyField.tsx';

/** A titled group of fields. */
export function FormSection({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="form-section" aria-labelledby={id}>
      <div className="form-section-header">
        <h3 id={id}>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Fields for `keys` of the dictionary at `path`. */
export function SchemaFields({ keys, path, dict, definitions, labels }: { keys: readonly KeySchema[]; path: KeyPath; dict: PlistDict; definitions?: Definitions; labels?: Readonly<Record<string, Readonly<Record<string, string>>>> }) {
  return (
    <>
      {keys.map((key) => (
        <KeyField key={key.name} schema={key} path={[...path, key.name]} value={dictGet(dict, key.name)} definitions={definitions} choiceLabels={labels?.[key.name]} />
      ))}
    </>
  );
}

/** A button that puts a fresh UUID at `path`. */
export function RegenerateUuidButton({ path, label }: { path: KeyPath; label: string }) {
  const form = useForm();
  if (!form.editable) return null;
  return (
    <button type="button" className="small-button" onClick={() => form.edit(path, () => ({ kind: 'string', value: randomUuid() }) satisfies PlistValue)}>
      New UUID for {label}
    </button>
  );
}

/** The banner shown over a form while the XML has a parse error. */
export function ReadOnlyNotice() {
  const form = useForm();
  if (form.editable) return null;
  return (
    <p className="form-readonly" role="status">
      The XML has an error, so this form shows the last valid version and cannot be edited. Fix the XML or undo.
    </p>
  );
}
