// Inputs for single plist values. Each takes the current value (undefined when the key is not
// set) and reports a new value, or undefined to remove an optional key.

import { useEffect, useState } from 'react';

import type { PlistValue } from '../../../shared/plist/model.ts';
import type { KeySchema, SchemaScalar } from '../../../shared/schema/model.ts';
import { scalarToPlist } from '../../../shared/profile/edit/defaults.ts';
import { useForm } from '../form-context.ts';
import { useFieldInputProps } from './field-description.ts';
import { matchesScalar, parseDataText, parseDateText, parseIntegerText, parseRealText, scalarText, schemaScalarText, type Parsed } from './value-text.ts';

export interface InputProps {
  readonly value: PlistValue | undefined;
  readonly onChange: (next: PlistValue | undefined) => void;
  readonly schema?: KeySchema;
  /** Called with a message when typed text does not parse, and with null when it does. */
  readonly onInputError?: (message: string | null) => void;
  readonly placeholder?: string;
  /** Accessible name when the input has no label element (rows of raw keys). */
  readonly ariaLabel?: string;
}

const INPUT_MODES: Partial<Record<PlistValue['kind'], 'numeric' | 'decimal'>> = { integer: 'numeric', real: 'decimal' };

/** A string. Optional keys are removed when emptied; secrets are masked until shown. */
export function StringInput({ value, onChange, schema, placeholder, ariaLabel }: InputProps) {
  const form = useForm();
  const aria = useFieldInputProps();
  const [revealed, setRevealed] = useState(false);
  const text = value?.kind === 'string' ? value.value : '';
  const optional = schema?.presence !== 'required';
  const multiline = text.includes('\n') || schema?.name === 'PayloadDescription';
  const update = (next: string) => onChange(next === '' && optional && schema ? undefined : { kind: 'string', value: next });
  const shownPlaceholder = placeholder ?? (schema?.default !== undefined ? String(schema.default) : undefined);

  if (multiline) {
    return <textarea {...aria} aria-label={ariaLabel} className="input" rows={3} value={text} placeholder={shownPlaceholder} readOnly={!form.editable} onChange={(e) => update(e.target.value)} />;
  }
  const input = (
    <input
      {...aria}
      aria-label={ariaLabel}
      className="input"
      type={schema?.sensitive && !revealed ? 'password' : 'text'}
      value={text}
      placeholder={shownPlaceholder}
      readOnly={!form.editable}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => update(e.target.value)}
    />
  );
  if (!schema?.sensitive) return input;
  return (
    <div className="input-with-button">
      {input}
      <button type="button" className="small-button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
        {revealed ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}

/**
 * Text typed into an input that must parse (numbers, dates, base64). The typed text stays in
 * the input while it does not parse; the document changes only when it does.
 */
function ParsedTextInput({ value, onChange, onInputError, parse, kind, ariaLabel, placeholder, multiline, inputType }: InputProps & { parse: (text: string) => Parsed; kind: PlistValue['kind']; multiline?: boolean; inputType?: string }) {
  const form = useForm();
  const aria = useFieldInputProps();
  const shown = value && value.kind === kind ? scalarText(value) : '';
  const [draft, setDraft] = useState(shown);

  // A change from elsewhere (XML edit, undo) replaces what the input shows; typing that has
  // not parsed yet does not change `shown`, so it stays.
  useEffect(() => {
    setDraft(shown);
    onInputError?.(null);
  }, [shown]);

  const update = (text: string) => {
    setDraft(text);
    if (text.trim() === '') {
      onInputError?.(null);
      onChange(undefined);
      return;
    }
    const parsed = parse(text);
    if (parsed.ok) {
      onInputError?.(null);
      onChange(parsed.value);
    } else {
      onInputError?.(parsed.error);
    }
  };

  if (multiline) {
    return <textarea {...aria} aria-label={ariaLabel} className="input mono" rows={4} value={draft} readOnly={!form.editable} spellCheck={false} onChange={(e) => update(e.target.value)} />;
  }
  return (
    <input
      {...aria}
      aria-label={ariaLabel}
      className="input"
      type={inputType ?? 'text'}
      step={inputType === 'datetime-local' ? 1 : undefined}
      inputMode={INPUT_MODES[kind]}
      value={draft}
      placeholder={placeholder}
      readOnly={!form.editable}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => update(e.target.value)}
    />
  );
}

export function IntegerInput(props: InputProps) {
  const placeholder = props.placeholder ?? (props.schema?.default !== undefined ? String(props.schema.default) : undefined);
  return <ParsedTextInput {...props} placeholder={placeholder} parse={parseIntegerText} kind="integer" />;
}

export function RealInput(props: InputProps) {
  const placeholder = props.placeholder ?? (props.schema?.default !== undefined ? String(props.schema.default) : undefined);
  return <ParsedTextInput {...props} placeholder={placeholder} parse={parseRealText} kind="real" />;
}

export function DateInput(props: InputProps) {
  return <ParsedTextInput {...props} parse={parseDateText} kind="date" inputType="datetime-local" />;
}

export function DataInput(props: InputProps) {
  const bytes = props.value?.kind === 'data' ? props.value.value.length : 0;
  return (
    <div className="data-input">
      <ParsedTextInput {...props} parse={parseDataText} kind="data" multiline />
      <span className="hint">{bytes} bytes, base64</span>
    </div>
  );
}

/** A checkbox. An unset key shows its default; a click writes an explicit value. */
export function BooleanInput({ value, onChange, schema, ariaLabel }: InputProps) {
  const form = useForm();
  const aria = useFieldInputProps();
  const fallback = schema?.default === true;
  const checked = value?.kind === 'boolean' ? value.value : fallback;
  return (
    <label className="checkbox-row">
      <input {...aria} aria-label={ariaLabel} type="checkbox" checked={checked} disabled={!form.editable} onChange={(e) => onChange({ kind: 'boolean', value: e.target.checked })} />
      <span>{booleanStateText(value, checked, fallback)}</span>
    </label>
  );
}

function booleanStateText(value: PlistValue | undefined, checked: boolean, fallback: boolean): string {
  if (value === undefined) return `Not set (${fallback ? 'on' : 'off'} by default)`;
  return checked ? 'On' : 'Off';
}

/** A choice among the schema's allowed values; a value outside them is kept and shown as such. */
export function ChoiceInput({ value, onChange, schema, ariaLabel, labels }: InputProps & { labels?: Readonly<Record<string, string>> }) {
  const form = useForm();
  const aria = useFieldInputProps();
  const allowed: readonly SchemaScalar[] = schema?.rangeList ?? [];
  const selectedIndex = value === undefined ? -1 : allowed.findIndex((option) => matchesScalar(value, option));
  const outside = value !== undefined && selectedIndex < 0;
  const optional = schema?.presence !== 'required';

  const choose = (token: string) => {
    if (token === 'unset') return onChange(undefined);
    if (token === 'outside') return;
    const option = allowed[Number(token)];
    const converted = schema ? scalarToPlist(option, schema.type) : null;
    if (converted) onChange(converted);
  };

  let selectValue = String(selectedIndex);
  if (value === undefined) selectValue = 'unset';
  else if (outside) selectValue = 'outside';
  const label = (option: SchemaScalar) => labels?.[String(option)] ?? schemaScalarText(option);
  return (
    <select {...aria} aria-label={ariaLabel} className="input" value={selectValue} disabled={!form.editable} onChange={(e) => choose(e.target.value)}>
      {value === undefined || optional ? <option value="unset">{schema?.default !== undefined ? `Not set (default: ${label(schema.default)})` : 'Not set'}</option> : null}
      {outside ? <option value="outside">{`${scalarText(value)} (not an allowed value)`}</option> : null}
      {allowed.map((option, i) => (
        <option key={i} value={String(i)}>
          {label(option)}
        </option>
      ))}
    </select>
  );
}
