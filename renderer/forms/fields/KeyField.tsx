// One key of a schema-described dictionary, with the editor its schema type calls for.

import { useState } from 'react';

import type { PlistValue } from '../../../shared/plist/model.ts';
import type { KeySchema, ValueType } from '../../../shared/schema/model.ts';
import { emptyValueOf, initialValueFor } from '../../../shared/profile/edit/defaults.ts';
import type { KeyPath } from '../../../shared/profile/edit/paths.ts';
import { useForm } from '../form-context.ts';
import { FieldShell } from './FieldShell.tsx';
import { ArrayField } from './ArrayField.tsx';
import { DictionaryBody } from './DictionaryBody.tsx';
import { RawValueEditor } from './RawValueEditor.tsx';
import { BooleanInput, ChoiceInput, DataInput, DateInput, IntegerInput, RealInput, StringInput } from './ScalarInputs.tsx';
import { schemaScalarText } from './value-text.ts';

/** Payload definitions that `ref` keys point into. */
export type Definitions = Readonly<Record<string, readonly KeySchema[]>> | undefined;

export interface KeyFieldProps {
  readonly schema: KeySchema;
  readonly path: KeyPath;
  readonly value: PlistValue | undefined;
  readonly definitions: Definitions;
  /** Labels for allowed values, by value (TargetDeviceType numbers, for example). */
  readonly choiceLabels?: Readonly<Record<string, string>>;
}

/** The plist kinds a schema type accepts. */
export function kindsOf(type: ValueType): readonly PlistValue['kind'][] {
  switch (type) {
    case 'dictionary':
      return ['dict'];
    case 'any':
      return ['string', 'integer', 'real', 'boolean', 'date', 'data', 'array', 'dict', 'uid'];
    default:
      return [type];
  }
}

/** Returns the schema type name of a plist value's kind (UIDs count as integers). */
function valueTypeOf(value: PlistValue): ValueType {
  if (value.kind === 'dict') return 'dictionary';
  if (value.kind === 'uid') return 'integer';
  return value.kind;
}

/** Resolves a `ref` key against the payload's definitions into plain sub-keys or items. */
export function resolveKey(schema: KeySchema, definitions: Definitions): KeySchema {
  if (!schema.ref || !definitions?.[schema.ref]) return schema;
  const definition = definitions[schema.ref];
  return schema.type === 'array' ? { ...schema, ref: undefined, items: definition[0] } : { ...schema, ref: undefined, subkeys: definition };
}

export function KeyField({ schema: declared, path, value, definitions, choiceLabels }: KeyFieldProps) {
  const form = useForm();
  const schema = resolveKey(declared, definitions);
  const [inputError, setInputError] = useState<string | null>(null);
  const label = schema.title ?? schema.name;
  const accepted = [schema.type, ...(schema.otherTypes ?? [])].flatMap(kindsOf);
  const required = schema.presence === 'required';
  const edit = (next: PlistValue | undefined) => form.edit(path, () => next);
  const shell = { path, label, keyName: schema.name, help: schema.description, required, inputError };
  const defaultText = schema.default !== undefined && !schema.rangeList ? schemaScalarText(schema.default) : undefined;

  // A value of a type the schema does not expect stays editable as a raw value.
  if (value !== undefined && !accepted.includes(value.kind)) {
    return (
      <FieldShell {...shell} removable={!required}>
        <p className="type-note">
          Expected {schema.type}, found {value.kind === 'dict' ? 'dictionary' : value.kind}.
        </p>
        <RawValueEditor value={value} name={schema.name} onChange={edit} />
      </FieldShell>
    );
  }

  const valueType: ValueType = value === undefined ? schema.type : valueTypeOf(value);
  switch (schema.type === 'any' ? 'any' : valueType) {
    case 'array':
      return <ArrayField schema={schema} path={path} value={value?.kind === 'array' ? value : undefined} definitions={definitions} />;

    case 'dictionary':
      return (
        <FieldShell {...shell} group removable={!required && value !== undefined}>
          {value?.kind === 'dict' ? (
            <DictionaryBody schema={schema} path={path} value={value} definitions={definitions} />
          ) : (
            <AddButton label={label} onAdd={() => edit(emptyValueOf('dictionary', schema))} />
          )}
        </FieldShell>
      );

    case 'any':
      return (
        <FieldShell {...shell} removable={!required && value !== undefined}>
          {value ? <RawValueEditor value={value} name={schema.name} onChange={edit} /> : <AddButton label={label} onAdd={() => edit(initialValueFor(schema))} />}
        </FieldShell>
      );

    case 'boolean':
      return (
        <FieldShell {...shell} removable={!required && value !== undefined}>
          <BooleanInput value={value} schema={schema} onChange={edit} />
        </FieldShell>
      );

    default:
      return (
        <FieldShell {...shell} defaultText={defaultText} removable={!required && value !== undefined && valueType !== 'string'}>
          <ScalarEditor schema={schema} valueType={valueType} value={value} onChange={edit} onInputError={setInputError} choiceLabels={choiceLabels} />
        </FieldShell>
      );
  }
}

function ScalarEditor({
  schema,
  valueType,
  value,
  onChange,
  onInputError,
  choiceLabels,
}: {
  schema: KeySchema;
  valueType: ValueType;
  value: PlistValue | undefined;
  onChange: (next: PlistValue | undefined) => void;
  onInputError: (message: string | null) => void;
  choiceLabels?: Readonly<Record<string, string>>;
}) {
  const props = { value, onChange, schema, onInputError };
  if (schema.rangeList && schema.rangeList.length > 0 && valueType === schema.type) return <ChoiceInput {...props} labels={choiceLabels} />;
  switch (valueType) {
    case 'integer':
      return <IntegerInput {...props} />;
    case 'real':
      return <RealInput {...props} />;
    case 'date':
      return <DateInput {...props} />;
    case 'data':
      return <DataInput {...props} />;
    default:
      return <StringInput {...props} />;
  }
}

export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  const form = useForm();
  if (!form.editable) return <p className="hint">Not set.</p>;
  return (
    <button type="button" className="small-button" onClick={onAdd}>
      Add {label}
    </button>
  );
}
