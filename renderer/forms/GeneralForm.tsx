// The profile's general settings: identity, installation, removal and consent, with friendly
// controls for the keys admins set most, and raw rows for any other top-level key.

import { useState } from 'react';

import { dictGet, dictGetString, type PlistDict, type PlistValue } from '../../shared/plist/model.ts';
import { TOP_LEVEL_TYPE, type KeySchema } from '../../shared/schema/model.ts';
import { useSchemas } from '../app/context.ts';
import { payloadsOf } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';
import { useForm } from './form-context.ts';
import { FieldShell } from './fields/FieldShell.tsx';
import { RawEntries } from './fields/RawValueEditor.tsx';
import { DateInput, RealInput, StringInput } from './fields/ScalarInputs.tsx';
import { FormSection, ReadOnlyNotice, RegenerateUuidButton, SchemaFields } from './form-parts.tsx';

/** Labels for TargetDeviceType values, from Apple's top-level profile schema. */
const TARGET_DEVICE_LABELS: Readonly<Record<string, string>> = {
  '0': 'Any device',
  '1': 'iPhone, iPad or iPod touch',
  '2': 'Apple Watch',
  '3': 'HomePod',
  '4': 'Apple TV',
  '5': 'Mac',
  '6': 'Apple Vision Pro',
};

/** The payload type that carries a profile's removal passcode, and its key. */
const REMOVAL_PASSWORD_TYPE = 'com.apple.profileRemovalPassword';
const REMOVAL_PASSWORD_KEY = 'RemovalPassword';

/** Top-level keys this form shows with its own controls; any other key appears in the raw rows. */
const HANDLED_KEYS = new Set([
  'PayloadDisplayName',
  'PayloadIdentifier',
  'PayloadUUID',
  'PayloadOrganization',
  'PayloadDescription',
  'PayloadScope',
  'TargetDeviceType',
  'PayloadExpirationDate',
  'PayloadRemovalDisallowed',
  'HasRemovalPasscode',
  'RemovalDate',
  'DurationUntilRemoval',
  'ConsentText',
  'PayloadContent',
  'PayloadType',
  'PayloadVersion',
]);

export function GeneralForm({ root }: { root: PlistDict }) {
  const schemas = useSchemas();
  const form = useForm();
  const keys = schemas.get(TOP_LEVEL_TYPE)?.keys ?? [];
  const pick = (...names: string[]): KeySchema[] => names.flatMap((name) => keys.filter((k) => k.name === name));
  const title = dictGetString(root, 'PayloadDisplayName') || 'Untitled profile';

  return (
    <div className="form" aria-label="General settings">
      <header className="form-header">
        <h2>{title}</h2>
        <p className="form-subtitle">
          General settings · <code>{dictGetString(root, 'PayloadType') ?? 'no PayloadType'}</code>
        </p>
      </header>
      <ReadOnlyNotice />

      <FormSection title="Profile" actions={<RegenerateUuidButton path={['PayloadUUID']} label="the profile" />}>
        <SchemaFields keys={pick('PayloadDisplayName', 'PayloadIdentifier', 'PayloadUUID', 'PayloadOrganization', 'PayloadDescription')} path={[]} dict={root} />
      </FormSection>

      <FormSection title="Installation">
        <SchemaFields keys={pick('PayloadScope', 'TargetDeviceType', 'PayloadExpirationDate')} path={[]} dict={root} labels={{ TargetDeviceType: TARGET_DEVICE_LABELS }} />
        <ConsentTextEditor root={root} />
      </FormSection>

      <FormSection title="Removal">
        <SchemaFields keys={pick('PayloadRemovalDisallowed')} path={[]} dict={root} />
        <RemovalPasscodeEditor root={root} />
        <AutomaticRemovalEditor root={root} />
      </FormSection>

      <FormSection title="Other top-level keys">
        <RawEntries value={root} name="the profile" hiddenKeys={HANDLED_KEYS} onChange={(next) => form.editRoot(() => next)} />
      </FormSection>
    </div>
  );
}

/** Consent text: one agreement per language code, plus an optional `default`. */
function ConsentTextEditor({ root }: { root: PlistDict }) {
  const form = useForm();
  const [language, setLanguage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const consent = dictGet(root, 'ConsentText');
  const path = ['ConsentText'];

  if (consent !== undefined && consent.kind !== 'dict') {
    return (
      <FieldShell path={path} label="Consent text" keyName="ConsentText" group>
        <p className="type-note">Expected a dictionary of language codes, found {consent.kind}; edit it in the XML or remove it.</p>
      </FieldShell>
    );
  }

  const add = () => {
    const code = language.trim() || 'default';
    if (consent?.entries.some((e) => e.key === code)) return setError(`There is already a text for ${code}.`);
    setError(null);
    setLanguage('');
    form.edit([...path, code], () => ({ kind: 'string', value: '' }));
  };

  return (
    <FieldShell path={path} label="Consent text" keyName="ConsentText" group removable={consent !== undefined} help="An agreement the user must accept before installing, per language code (en, de, ...). A “default” entry is shown when no language matches.">
      {consent?.entries.map((entry) => (
        <div key={entry.key} className="consent-row">
          <label htmlFor={`consent-${entry.key}`} className="mono">
            {entry.key}
          </label>
          {entry.value.kind === 'string' ? (
            <textarea id={`consent-${entry.key}`} className="input" rows={3} value={entry.value.value} readOnly={!form.editable} onChange={(e) => form.edit([...path, entry.key], () => ({ kind: 'string', value: e.target.value }))} />
          ) : (
            <p className="type-note">Not a string ({entry.value.kind}); edit it in the XML.</p>
          )}
          {form.editable ? (
            <button type="button" className="small-button" aria-label={`Remove consent text for ${entry.key}`} onClick={() => form.edit([...path, entry.key], () => undefined)}>
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {form.editable ? (
        <div className="raw-add">
          <input className="input" aria-label="Language code for a new consent text" placeholder="default" value={language} onChange={(e) => setLanguage(e.target.value)} />
          <button type="button" className="small-button" onClick={add}>
            Add consent text
          </button>
          {error ? <span className="severity-error">{error}</span> : null}
        </div>
      ) : null}
    </FieldShell>
  );
}

/**
 * Removal passcode: kept in its own payload (com.apple.profileRemovalPassword), with
 * HasRemovalPasscode set beside it on the root.
 */
function RemovalPasscodeEditor({ root }: { root: PlistDict }) {
  const form = useForm();
  const entry = payloadsOf(root).find((p) => dictGetString(p.payload, 'PayloadType') === REMOVAL_PASSWORD_TYPE);
  const passwordPath = entry ? ['PayloadContent', entry.index, REMOVAL_PASSWORD_KEY] : null;

  const toggle = (on: boolean) =>
    form.editRoot((current) => {
      if (current.kind !== 'dict') return current;
      const content = dictGet(current, 'PayloadContent');
      const items = content?.kind === 'array' ? content.items : [];
      const others = items.filter((item) => !(item.kind === 'dict' && dictGetString(item, 'PayloadType') === REMOVAL_PASSWORD_TYPE));
      const withoutFlag = current.entries.filter((e) => e.key !== 'HasRemovalPasscode' && e.key !== 'PayloadContent');
      if (!on) return { kind: 'dict', entries: [...withoutFlag, { key: 'PayloadContent', value: { kind: 'array', items: others } }] };

      const uuid = randomUuid();
      const identifier = `${dictGetString(current, 'PayloadIdentifier') ?? 'profile'}.removal-password.${uuid}`;
      const payload: PlistValue = {
        kind: 'dict',
        entries: [
          { key: 'PayloadType', value: { kind: 'string', value: REMOVAL_PASSWORD_TYPE } },
          { key: 'PayloadVersion', value: { kind: 'integer', value: 1n } },
          { key: 'PayloadIdentifier', value: { kind: 'string', value: identifier } },
          { key: 'PayloadUUID', value: { kind: 'string', value: uuid } },
          { key: 'PayloadDisplayName', value: { kind: 'string', value: 'Removal passcode' } },
          { key: REMOVAL_PASSWORD_KEY, value: { kind: 'string', value: '' } },
        ],
      };
      return {
        kind: 'dict',
        entries: [...withoutFlag, { key: 'HasRemovalPasscode', value: { kind: 'boolean', value: true } }, { key: 'PayloadContent', value: { kind: 'array', items: [...others, payload] } }],
      };
    });

  const password = entry ? dictGet(entry.payload, REMOVAL_PASSWORD_KEY) : undefined;
  return (
    <div className="field">
      <label className="checkbox-row">
        <input type="checkbox" checked={entry !== undefined} disabled={!form.editable} onChange={(e) => toggle(e.target.checked)} />
        <span>Require a passcode to remove the profile</span>
      </label>
      {passwordPath ? (
        <FieldShell path={passwordPath} label="Removal passcode" keyName={REMOVAL_PASSWORD_KEY} required help="The user must enter this passcode to remove the profile. Encrypt the profile so that it is not readable.">
          <StringInput value={password} schema={{ name: REMOVAL_PASSWORD_KEY, type: 'string', presence: 'required', sensitive: true }} onChange={(next) => form.edit(passwordPath, () => next ?? { kind: 'string', value: '' })} />
        </FieldShell>
      ) : null}
    </div>
  );
}

type RemovalMode = 'never' | 'date' | 'duration';

const REMOVAL_MODE_LABELS: Readonly<Record<RemovalMode, string>> = { never: 'Never', date: 'On a date (UTC)', duration: 'After a time' };

/** Automatic removal: never, on a date (RemovalDate) or some time after installation (DurationUntilRemoval, seconds). */
function AutomaticRemovalEditor({ root }: { root: PlistDict }) {
  const form = useForm();
  const [inputError, setInputError] = useState<string | null>(null);
  const removalDate = dictGet(root, 'RemovalDate');
  const duration = dictGet(root, 'DurationUntilRemoval');
  let mode: RemovalMode = 'never';
  if (removalDate) mode = 'date';
  else if (duration) mode = 'duration';

  const choose = (next: RemovalMode) =>
    form.editRoot((current) => {
      if (current.kind !== 'dict') return current;
      const entries = current.entries.filter((e) => e.key !== 'RemovalDate' && e.key !== 'DurationUntilRemoval');
      if (next === 'date') {
        const inThirtyDays = Math.floor(Date.now() / 1000 + 30 * 86400) * 1000;
        entries.push({ key: 'RemovalDate', value: { kind: 'date', value: inThirtyDays } });
      } else if (next === 'duration') {
        entries.push({ key: 'DurationUntilRemoval', value: { kind: 'real', value: 30 * 86400 } });
      }
      return { kind: 'dict', entries };
    });

  let days: number | null = null;
  if (duration?.kind === 'real') days = duration.value / 86400;
  else if (duration?.kind === 'integer') days = Number(duration.value) / 86400;
  return (
    <fieldset className="field field-group" data-key-path="RemovalDate">
      <legend>Remove automatically</legend>
      <div className="radio-row">
        {(['never', 'date', 'duration'] as const).map((option) => (
          <label key={option} className="checkbox-row">
            <input type="radio" name="automatic-removal" value={option} checked={mode === option} disabled={!form.editable} onChange={() => choose(option)} />
            <span>{REMOVAL_MODE_LABELS[option]}</span>
          </label>
        ))}
      </div>
      {mode === 'date' ? (
        <FieldShell path={['RemovalDate']} label="Removal date (UTC)" keyName="RemovalDate" inputError={inputError}>
          <DateInput value={removalDate} onChange={(next) => next && form.edit(['RemovalDate'], () => next)} onInputError={setInputError} />
        </FieldShell>
      ) : null}
      {mode === 'duration' ? (
        <FieldShell path={['DurationUntilRemoval']} label="Seconds after installation" keyName="DurationUntilRemoval" inputError={inputError} help={days !== null ? `That is ${formatDays(days)}.` : undefined}>
          <RealInput value={duration} onChange={(next) => next && form.edit(['DurationUntilRemoval'], () => next)} onInputError={setInputError} />
        </FieldShell>
      ) : null}
    </fieldset>
  );
}

function formatDays(days: number): string {
  if (days >= 1) return `${Math.round(days * 10) / 10} days`;
  return `${Math.round(days * 24 * 10) / 10} hours`;
}
