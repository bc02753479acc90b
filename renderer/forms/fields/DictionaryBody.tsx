// The inside of a schema-described dictionary: its known keys as fields, then every other key
// as raw rows (Apple's `ANY` keys, and keys the schema does not know), so nothing is hidden.

import type { PlistValue } from '../../../shared/plist/model.ts';
import type { KeySchema } from '../../../shared/schema/model.ts';
import type { KeyPath } from '../../../shared/profile/edit/paths.ts';
import { useForm } from '../form-context.ts';
import { KeyField, type Definitions } from './KeyField.tsx';
import { RawEntries } from './RawValueEditor.tsx';

export interface DictionaryBodyProps {
  readonly schema: KeySchema;
  readonly path: KeyPath;
  readonly value: Extract<PlistValue, { kind: 'dict' }>;
  readonly definitions: Definitions;
}

export function DictionaryBody({ schema, path, value, definitions }: DictionaryBodyProps) {
  const form = useForm();
  const subkeys = schema.subkeys ?? [];
  const known = new Set(subkeys.map((k) => k.name));
  const others = value.entries.filter((entry) => !known.has(entry.key));

  return (
    <div className="dictionary-body">
      {subkeys.map((sub) => (
        <KeyField key={sub.name} schema={sub} path={[...path, sub.name]} value={value.entries.find((e) => e.key === sub.name)?.value} definitions={definitions} />
      ))}
      {others.length > 0 || schema.anyKey || subkeys.length === 0 ? (
        <div className="other-keys">
          <h4 className="other-keys-title">{otherKeysTitle(schema)}</h4>
          <RawEntries value={value} name={schema.title ?? schema.name} hiddenKeys={known} onChange={(next) => form.edit(path, () => next)} />
        </div>
      ) : null}
    </div>
  );
}

function otherKeysTitle(schema: KeySchema): string {
  if (schema.anyKey) return schema.anyKey.title ?? 'Entries';
  return (schema.subkeys ?? []).length > 0 ? 'Other keys' : 'Keys';
}
