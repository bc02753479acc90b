// The form for one payload, generated from its schema: identity keys, the payload's own keys,
// then the keys the schema does not know.

import { useState } from 'react';

import { dictGetString, type PlistDict } from '../../shared/plist/model.ts';
import { COMMON_KEYS_TYPE } from '../../shared/schema/model.ts';
import { useSchemas } from '../app/context.ts';
import { useForm } from './form-context.ts';
import { RawEntries } from './fields/RawValueEditor.tsx';
import { FormSection, ReadOnlyNotice, RegenerateUuidButton, SchemaFields } from './form-parts.tsx';

/** Identity keys every payload shows first, in this order. */
const IDENTITY_ORDER = ['PayloadDisplayName', 'PayloadIdentifier', 'PayloadUUID', 'PayloadDescription', 'PayloadOrganization', 'PayloadVersion'];

export function PayloadForm({ index, payload }: { index: number; payload: PlistDict }) {
  const schemas = useSchemas();
  const form = useForm();
  const [onlySet, setOnlySet] = useState(false);
  const path = ['PayloadContent', index];

  const payloadType = dictGetString(payload, 'PayloadType') ?? '';
  const schema = schemas.forPayload(payloadType, (key) => dictGetString(payload, key));
  const commonKeys = schemas.get(COMMON_KEYS_TYPE)?.keys ?? [];
  const identityKeys = IDENTITY_ORDER.flatMap((name) => commonKeys.filter((k) => k.name === name));
  const commonNames = new Set(commonKeys.map((k) => k.name));
  const ownKeys = (schema?.keys ?? []).filter((k) => !commonNames.has(k.name));
  const present = new Set(payload.entries.map((e) => e.key));
  const shownKeys = onlySet ? ownKeys.filter((k) => present.has(k.name)) : ownKeys;
  const known = new Set([...commonNames, ...ownKeys.map((k) => k.name)]);
  const title = dictGetString(payload, 'PayloadDisplayName') || schema?.title || payloadType || 'Payload';

  return (
    <div className="form" aria-label={`${title} payload`}>
      <header className="form-header">
        <h2>{title}</h2>
        <p className="form-subtitle">
          <code>{payloadType || 'no PayloadType'}</code>
          {schema ? ` — ${schema.title}` : ''}
        </p>
        {schema?.description ? <p className="form-description">{schema.description}</p> : null}
        {!schema ? <p className="type-note">No schema describes this payload type, so its keys are shown as raw key, type and value rows.</p> : null}
      </header>
      <ReadOnlyNotice />

      <FormSection title="Identity" actions={<RegenerateUuidButton path={[...path, 'PayloadUUID']} label="this payload" />}>
        <SchemaFields keys={identityKeys} path={path} dict={payload} />
      </FormSection>

      {ownKeys.length > 0 ? (
        <FormSection
          title="Settings"
          actions={
            <label className="checkbox-row">
              <input type="checkbox" checked={onlySet} onChange={(e) => setOnlySet(e.target.checked)} />
              <span>Only keys that are set</span>
            </label>
          }
        >
          <SchemaFields keys={shownKeys} path={path} dict={payload} definitions={schema?.definitions} />
        </FormSection>
      ) : null}

      <FormSection title={schema ? 'Other keys' : 'Keys'}>
        <RawEntries value={payload} name={title} hiddenKeys={new Set([...known, 'PayloadType'])} onChange={(next) => form.edit(path, () => next)} />
      </FormSection>
    </div>
  );
}
