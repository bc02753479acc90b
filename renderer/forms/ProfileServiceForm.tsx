// The enrolment request of a Profile Service profile: the server URL, the device attributes to
// report and the challenge. Attributes are checkboxes of the known names, and other names found
// in the file stay as extra boxes.

import { dictGet, type PlistDict } from '../../shared/plist/model.ts';
import { DEVICE_ATTRIBUTES } from '../../shared/schema/index.ts';
import { useSchemas } from '../app/context.ts';
import { useForm } from './form-context.ts';
import { FieldShell } from './fields/FieldShell.tsx';
import { RawEntries, RawValueEditor } from './fields/RawValueEditor.tsx';
import { StringInput } from './fields/ScalarInputs.tsx';
import { FormSection, ReadOnlyNotice } from './form-parts.tsx';

/** Short descriptions of the attributes, in this project's words. */
const ATTRIBUTE_HELP: Readonly<Record<string, string>> = {
  UDID: 'unique device identifier',
  VERSION: 'OS build version',
  PRODUCT: 'model identifier, such as iPhone15,2',
  SERIAL: 'serial number',
  MEID: 'mobile equipment identifier (CDMA)',
  IMEI: 'international mobile equipment identity',
  ICCID: 'SIM card number',
  MAC_ADDRESS_EN0: 'Wi-Fi MAC address',
  DEVICE_NAME: 'name the user gave the device',
};

const PATH = ['PayloadContent'];

export function ProfileServiceForm({ root }: { root: PlistDict }) {
  const schemas = useSchemas();
  const form = useForm();
  const content = dictGet(root, 'PayloadContent');
  const requestSchema = schemas.get('Profile Service')?.keys.find((k) => k.name === 'PayloadContent');
  const keySchema = (name: string) => requestSchema?.subkeys?.find((k) => k.name === name);

  if (content?.kind !== 'dict') {
    return (
      <div className="form" aria-label="Profile Service">
        <h2>Profile Service</h2>
        <p className="type-note">PayloadContent of a Profile Service profile must be a dictionary with URL and DeviceAttributes; fix it in the XML.</p>
      </div>
    );
  }

  const url = dictGet(content, 'URL');
  const attributes = dictGet(content, 'DeviceAttributes');
  const challenge = dictGet(content, 'Challenge');
  const urlSchema = keySchema('URL') ?? { name: 'URL', type: 'string' as const, presence: 'required' as const };
  const challengeSchema = keySchema('Challenge') ?? { name: 'Challenge', type: 'string' as const, presence: 'optional' as const, sensitive: true };

  return (
    <div className="form" aria-label="Profile Service">
      <header className="form-header">
        <h2>Profile Service</h2>
        <p className="form-subtitle">Over-the-air enrolment request</p>
        <p className="form-description">The device sends the chosen attributes, signed with its device certificate, to the server URL; the server answers with the next profile.</p>
      </header>
      <ReadOnlyNotice />

      <FormSection title="Enrolment request">
        <FieldShell path={[...PATH, 'URL']} label="Server URL" keyName="URL" required help={urlSchema.description ?? 'Where the device posts its attributes.'}>
          <StringInput value={url} schema={{ ...urlSchema, presence: 'required' }} placeholder="https://mdm.example.com/enroll" onChange={(next) => form.edit([...PATH, 'URL'], () => next ?? { kind: 'string', value: '' })} />
        </FieldShell>

        <FieldShell path={[...PATH, 'DeviceAttributes']} label="Device attributes" keyName="DeviceAttributes" required group help="Attributes the device reports to the server.">
          <AttributeCheckboxes value={attributes} />
        </FieldShell>

        <FieldShell path={[...PATH, 'Challenge']} label="Challenge" keyName="Challenge" help={challengeSchema.description ?? 'Token the server issued for this enrolment.'} removable={challenge !== undefined && challenge.kind !== 'string'}>
          {challenge === undefined || challenge.kind === 'string' ? (
            <StringInput value={challenge} schema={{ ...challengeSchema, presence: 'optional' }} onChange={(next) => form.edit([...PATH, 'Challenge'], () => next)} />
          ) : (
            <RawValueEditor value={challenge} name="Challenge" onChange={(next) => form.edit([...PATH, 'Challenge'], () => next)} />
          )}
        </FieldShell>
      </FormSection>

      <FormSection title="Other keys in the request">
        <RawEntries value={content} name="the enrolment request" hiddenKeys={new Set(['URL', 'DeviceAttributes', 'Challenge'])} onChange={(next) => form.edit(PATH, () => next)} />
      </FormSection>
    </div>
  );
}

function AttributeCheckboxes({ value }: { value: ReturnType<typeof dictGet> }) {
  const form = useForm();
  const path = [...PATH, 'DeviceAttributes'];
  if (value !== undefined && value.kind !== 'array') {
    return <RawValueEditor value={value} name="DeviceAttributes" onChange={(next) => form.edit(path, () => next)} />;
  }
  const present = (value?.items ?? []).flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  const known: readonly string[] = DEVICE_ATTRIBUTES;
  const extras = present.filter((name) => !known.includes(name));

  const toggle = (name: string, on: boolean) =>
    form.edit(path, (old) => {
      const items = old?.kind === 'array' ? old.items : [];
      if (!on) return { kind: 'array', items: items.filter((item) => !(item.kind === 'string' && item.value === name)) };
      return { kind: 'array', items: [...items, { kind: 'string', value: name }] };
    });

  return (
    <div className="checkbox-grid">
      {[...known, ...extras].map((name) => (
        <label key={name} className="checkbox-row">
          <input type="checkbox" checked={present.includes(name)} disabled={!form.editable} onChange={(e) => toggle(name, e.target.checked)} />
          <span className="mono">{name}</span>
          <span className="hint">{ATTRIBUTE_HELP[name] ?? 'not a documented attribute'}</span>
        </label>
      ))}
    </div>
  );
}
