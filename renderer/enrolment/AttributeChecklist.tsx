// Checkboxes of the device attributes an enrolment profile can request, with their labels.

import { DEVICE_ATTRIBUTES } from '../../shared/enrolment/device-attributes.ts';
import { useEnrolment, useEnrolmentStore } from './context.ts';

export function AttributeChecklist() {
  const store = useEnrolmentStore();
  const chosen = useEnrolment((s) => s.profile.attributes);

  return (
    <fieldset className="enrol-attributes">
      <legend>Device attributes to request</legend>
      {DEVICE_ATTRIBUTES.map((attribute) => (
        <label key={attribute.name} className="enrol-attribute">
          <input type="checkbox" checked={chosen.includes(attribute.name)} onChange={(event) => store.getState().setAttribute(attribute.name, event.target.checked)} />
          <code>{attribute.name}</code>
          <span>{attribute.label}</span>
          {attribute.documented ? null : (
            <span className="enrol-tag" title="Seen in profiles and servers in use, but not in Apple's documentation; devices may ignore it.">
              seen in use only
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
