// Editors for values the schema does not describe: unknown keys, `any` values, and values of
// an unexpected type. Every plist type can be shown and changed, and nothing is dropped.

import { useState } from 'react';

import { assertNever, type PlistKind, type PlistValue } from '../../../shared/plist/model.ts';
import { emptyValueOf } from '../../../shared/profile/edit/defaults.ts';
import { useForm } from '../form-context.ts';
import { BooleanInput, DataInput, DateInput, IntegerInput, RealInput, StringInput } from './ScalarInputs.tsx';
import { scalarText } from './value-text.ts';

/** Types offered for raw values; UIDs exist only in binary plists and are shown read-only. */
const EDITABLE_KINDS: readonly { kind: PlistKind; label: string }[] = [
  { kind: 'string', label: 'String' },
  { kind: 'integer', label: 'Integer' },
  { kind: 'real', label: 'Real' },
  { kind: 'boolean', label: 'Boolean' },
  { kind: 'date', label: 'Date' },
  { kind: 'data', label: 'Data' },
  { kind: 'array', label: 'Array' },
  { kind: 'dict', label: 'Dictionary' },
];

/** Returns `value` converted to `kind` where the content carries over (number ↔ text), else an empty value of `kind`. */
export function convertValue(value: PlistValue, kind: PlistKind): PlistValue {
  if (value.kind === kind) return value;
  const text = scalarText(value);
  switch (kind) {
    case 'string':
      return { kind: 'string', value: text };
    case 'integer':
      if (value.kind === 'boolean') return { kind: 'integer', value: value.value ? 1n : 0n };
      if (value.kind === 'real' && Number.isInteger(value.value)) return { kind: 'integer', value: BigInt(value.value) };
      return /^-?\d+$/.test(text.trim()) ? { kind: 'integer', value: BigInt(text.trim()) } : { kind: 'integer', value: 0n };
    case 'real':
      return Number.isFinite(Number(text)) && text.trim() !== '' ? { kind: 'real', value: Number(text) } : { kind: 'real', value: 0 };
    case 'boolean':
      if (value.kind === 'integer') return { kind: 'boolean', value: value.value !== 0n };
      return { kind: 'boolean', value: text === 'true' };
    case 'date':
      return emptyValueOf('date');
    case 'data':
      return emptyValueOf('data');
    case 'array':
      return emptyValueOf('array');
    case 'dict':
      return emptyValueOf('dictionary');
    case 'uid':
      return { kind: 'uid', value: 0n };
    default:
      return assertNever(kind);
  }
}

export interface RawValueEditorProps {
  readonly value: PlistValue;
  readonly onChange: (next: PlistValue) => void;
  /** Accessible name prefix, such as the key name. */
  readonly name: string;
}

/** Type picker plus the matching editor; containers nest. */
export function RawValueEditor({ value, onChange, name }: RawValueEditorProps) {
  const form = useForm();
  return (
    <div className="raw-value">
      <select className="input type-select" aria-label={`Type of ${name}`} value={value.kind} disabled={!form.editable || value.kind === 'uid'} onChange={(e) => onChange(convertValue(value, e.target.value as PlistKind))}>
        {EDITABLE_KINDS.map((option) => (
          <option key={option.kind} value={option.kind}>
            {option.label}
          </option>
        ))}
        {value.kind === 'uid' ? <option value="uid">UID</option> : null}
      </select>
      <RawContent value={value} onChange={onChange} name={name} />
    </div>
  );
}

function RawContent({ value, onChange, name }: RawValueEditorProps) {
  const [inputError, setInputError] = useState<string | null>(null);
  const change = (next: PlistValue | undefined) => onChange(next ?? emptyValueOf(kindToType(value.kind)));
  const common = { value, onChange: change, ariaLabel: `Value of ${name}`, onInputError: setInputError };

  let editor;
  switch (value.kind) {
    case 'string':
      editor = <StringInput {...common} />;
      break;
    case 'integer':
      editor = <IntegerInput {...common} />;
      break;
    case 'real':
      editor = <RealInput {...common} />;
      break;
    case 'boolean':
      editor = <BooleanInput {...common} />;
      break;
    case 'date':
      editor = <DateInput {...common} />;
      break;
    case 'data':
      editor = <DataInput {...common} />;
      break;
    case 'uid':
      editor = <output aria-label={`Value of ${name}`}>UID {value.value.toString()}</output>;
      break;
    case 'array':
      editor = <RawArray value={value} onChange={onChange} name={name} />;
      break;
    case 'dict':
      editor = <RawEntries value={value} onChange={onChange} name={name} />;
      break;
    default:
      return assertNever(value);
  }
  return (
    <div className="raw-content">
      {editor}
      {inputError ? <p className="field-errors severity-error">{inputError}</p> : null}
    </div>
  );
}

function kindToType(kind: PlistKind) {
  if (kind === 'dict') return 'dictionary';
  if (kind === 'uid') return 'integer';
  return kind;
}

function RawArray({ value, onChange, name }: { value: Extract<PlistValue, { kind: 'array' }>; onChange: (next: PlistValue) => void; name: string }) {
  const form = useForm();
  const setItem = (index: number, next: PlistValue | undefined) => {
    const items = value.items.slice();
    if (next === undefined) items.splice(index, 1);
    else items[index] = next;
    onChange({ kind: 'array', items });
  };
  return (
    <div className="raw-array">
      <ol>
        {value.items.map((item, index) => (
          <li key={index} className="raw-row">
            <RawValueEditor value={item} name={`${name} item ${index + 1}`} onChange={(next) => setItem(index, next)} />
            {form.editable ? (
              <button type="button" className="small-button" aria-label={`Remove ${name} item ${index + 1}`} onClick={() => setItem(index, undefined)}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {form.editable ? (
        <button type="button" className="small-button" onClick={() => onChange({ kind: 'array', items: [...value.items, { kind: 'string', value: '' }] })}>
          Add item to {name}
        </button>
      ) : null}
    </div>
  );
}

/** Key/type/value rows for a dictionary: rename, retype, change and remove each entry, or add one. */
export function RawEntries({ value, onChange, name, hiddenKeys }: { value: Extract<PlistValue, { kind: 'dict' }>; onChange: (next: PlistValue) => void; name: string; hiddenKeys?: ReadonlySet<string> }) {
  const form = useForm();
  const [newKey, setNewKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);

  const replace = (index: number, entry: { key: string; value: PlistValue } | undefined) => {
    const entries = value.entries.slice();
    if (entry === undefined) entries.splice(index, 1);
    else entries[index] = entry;
    onChange({ kind: 'dict', entries });
  };

  const addKey = () => {
    const key = newKey.trim();
    if (key === '') return setKeyError('Enter a key name.');
    if (value.entries.some((e) => e.key === key)) return setKeyError(`The key ${key} already exists.`);
    setKeyError(null);
    setNewKey('');
    onChange({ kind: 'dict', entries: [...value.entries, { key, value: { kind: 'string', value: '' } }] });
  };

  return (
    <div className="raw-entries">
      {value.entries.map((entry, index) =>
        hiddenKeys?.has(entry.key) ? null : (
          <div key={`${index}:${entry.key}`} className="raw-row" data-raw-key={entry.key}>
            <KeyNameInput
              name={entry.key}
              label={`Key name in ${name}`}
              taken={(candidate) => value.entries.some((e, i) => i !== index && e.key === candidate)}
              onRename={(key) => replace(index, { key, value: entry.value })}
            />
            <RawValueEditor value={entry.value} name={entry.key} onChange={(next) => replace(index, { key: entry.key, value: next })} />
            {form.editable ? (
              <button type="button" className="small-button" aria-label={`Remove key ${entry.key}`} onClick={() => replace(index, undefined)}>
                Remove
              </button>
            ) : null}
          </div>
        ),
      )}
      {form.editable ? (
        <div className="raw-add">
          <input className="input" aria-label={`New key name in ${name}`} placeholder="New key" value={newKey} onChange={(e) => setNewKey(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addKey()} />
          <button type="button" className="small-button" onClick={addKey}>
            Add key
          </button>
          {keyError ? <span className="severity-error">{keyError}</span> : null}
        </div>
      ) : null}
    </div>
  );
}

/** A key name that is renamed when the input loses focus or Enter is pressed, if the new name is free. */
function KeyNameInput({ name, label, taken, onRename }: { name: string; label: string; taken: (key: string) => boolean; onRename: (key: string) => void }) {
  const form = useForm();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const key = draft.trim();
    if (key === name) return;
    if (key === '' || taken(key)) {
      setError(key === '' ? 'A key needs a name.' : `The key ${key} already exists.`);
      return;
    }
    setError(null);
    onRename(key);
  };
  return (
    <span className="key-name-input">
      <input className="input mono" aria-label={label} aria-invalid={error ? true : undefined} value={draft} readOnly={!form.editable} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      {error ? <span className="severity-error">{error}</span> : null}
    </span>
  );
}
