// Arrays: a checkbox list for strings with allowed values, otherwise an ordered list of items
// that can be added, removed and moved.

import { useState } from 'react';

import type { PlistValue } from '../../../shared/plist/model.ts';
import type { KeySchema } from '../../../shared/schema/model.ts';
import { initialValueFor } from '../../../shared/profile/edit/defaults.ts';
import type { KeyPath } from '../../../shared/profile/edit/paths.ts';
import { useForm } from '../form-context.ts';
import { FieldShell } from './FieldShell.tsx';
import { DictionaryBody } from './DictionaryBody.tsx';
import { AddButton, kindsOf, resolveKey, type Definitions } from './KeyField.tsx';
import { RawValueEditor } from './RawValueEditor.tsx';
import { BooleanInput, ChoiceInput, DataInput, DateInput, IntegerInput, RealInput, StringInput } from './ScalarInputs.tsx';

type PlistArray = Extract<PlistValue, { kind: 'array' }>;

export interface ArrayFieldProps {
  readonly schema: KeySchema;
  readonly path: KeyPath;
  readonly value: PlistArray | undefined;
  readonly definitions: Definitions;
}

export function ArrayField({ schema, path, value, definitions }: ArrayFieldProps) {
  const form = useForm();
  const label = schema.title ?? schema.name;
  const required = schema.presence === 'required';
  const item = schema.items ? resolveKey(schema.items, definitions) : undefined;
  const shell = { path, label, keyName: schema.name, help: schema.description, required, group: true, removable: !required && value !== undefined };

  if (!value) {
    return (
      <FieldShell {...shell}>
        <AddButton label={label} onAdd={() => form.edit(path, () => ({ kind: 'array', items: [] }))} />
      </FieldShell>
    );
  }

  if (item?.type === 'string' && item.rangeList && item.rangeList.length > 0) {
    return (
      <FieldShell {...shell}>
        <CheckboxList allowed={item.rangeList.map(String)} value={value} path={path} name={schema.name} />
      </FieldShell>
    );
  }

  return (
    <FieldShell {...shell}>
      <ItemList schema={schema} item={item} path={path} value={value} definitions={definitions} />
    </FieldShell>
  );
}

/** Checkboxes for the allowed strings, in schema order; values outside the list stay as checked extra boxes. */
function CheckboxList({ allowed, value, path, name }: { allowed: readonly string[]; value: PlistArray; path: KeyPath; name: string }) {
  const form = useForm();
  const present = value.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  const extras = present.filter((entry) => !allowed.includes(entry));

  const toggle = (entry: string, checked: boolean) => {
    form.edit(path, (old) => {
      const items = old?.kind === 'array' ? old.items : [];
      if (!checked) return { kind: 'array', items: items.filter((i) => !(i.kind === 'string' && i.value === entry)) };
      return { kind: 'array', items: [...items, { kind: 'string', value: entry }] };
    });
  };

  return (
    <div className="checkbox-list" role="group" aria-label={name}>
      {[...allowed, ...extras].map((entry) => (
        <label key={entry} className="checkbox-row">
          <input type="checkbox" checked={present.includes(entry)} disabled={!form.editable} onChange={(e) => toggle(entry, e.target.checked)} />
          <span className="mono">{entry}</span>
          {extras.includes(entry) ? <span className="hint"> (not a known value)</span> : null}
        </label>
      ))}
    </div>
  );
}

function ItemList({ schema, item, path, value, definitions }: { schema: KeySchema; item: KeySchema | undefined; path: KeyPath; value: PlistArray; definitions: Definitions }) {
  const form = useForm();
  const name = schema.title ?? schema.name;
  const move = (from: number, to: number) =>
    form.edit(path, (old) => {
      if (old?.kind !== 'array') return old;
      const items = old.items.slice();
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved);
      return { kind: 'array', items };
    });

  return (
    <div className="item-list">
      <ol>
        {value.items.map((entry, index) => (
          <li key={index} className="item-row">
            <ItemEditor item={item} path={[...path, index]} value={entry} definitions={definitions} name={`${name} item ${index + 1}`} />
            {form.editable ? (
              <span className="item-actions">
                <button type="button" className="icon-button" aria-label={`Move ${name} item ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={`Move ${name} item ${index + 1} down`} disabled={index === value.items.length - 1} onClick={() => move(index, index + 1)}>
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`Remove ${name} item ${index + 1}`} onClick={() => form.edit([...path, index], () => undefined)}>
                  ✕
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {form.editable ? (
        <button
          type="button"
          className="small-button"
          onClick={() => form.edit(path, (old) => ({ kind: 'array', items: [...(old?.kind === 'array' ? old.items : []), item ? initialValueFor(item) : { kind: 'string', value: '' }] }))}
        >
          Add item to {name}
        </button>
      ) : null}
    </div>
  );
}

/** One array item: a nested dictionary form, a scalar input, or a raw editor when the type is unexpected. */
function ItemEditor({ item, path, value, definitions, name }: { item: KeySchema | undefined; path: KeyPath; value: PlistValue; definitions: Definitions; name: string }) {
  const form = useForm();
  const [inputError, setInputError] = useState<string | null>(null);
  const edit = (next: PlistValue | undefined) => form.edit(path, () => next);

  if (!item || !kindsOf(item.type).includes(value.kind) || item.type === 'any') {
    return <RawValueEditor value={value} name={name} onChange={edit} />;
  }
  if (value.kind === 'dict') {
    return <DictionaryBody schema={item} path={path} value={value} definitions={definitions} />;
  }
  if (value.kind === 'array') {
    return <ArrayField schema={{ ...item, presence: 'required' }} path={path} value={value} definitions={definitions} />;
  }

  // Items are never "unset": emptying the input keeps an empty value rather than deleting the item.
  const props = { value, schema: { ...item, presence: 'required' as const }, onChange: (next: PlistValue | undefined) => next && edit(next), ariaLabel: name, onInputError: setInputError };
  let input;
  if (item.rangeList && item.rangeList.length > 0) input = <ChoiceInput {...props} />;
  else if (value.kind === 'integer') input = <IntegerInput {...props} />;
  else if (value.kind === 'real') input = <RealInput {...props} />;
  else if (value.kind === 'boolean') input = <BooleanInput {...props} />;
  else if (value.kind === 'date') input = <DateInput {...props} />;
  else if (value.kind === 'data') input = <DataInput {...props} />;
  else input = <StringInput {...props} onChange={(next) => edit(next ?? { kind: 'string', value: '' })} />;
  return (
    <div className="item-editor">
      {input}
      {inputError ? <p className="field-errors severity-error">{inputError}</p> : null}
    </div>
  );
}
