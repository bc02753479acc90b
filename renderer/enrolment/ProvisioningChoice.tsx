// The three provisioning types as a radio group, each with what it means and when it is safe.

import { useEnrolment, useEnrolmentStore } from './context.ts';

export function ProvisioningChoice() {
  const store = useEnrolmentStore();
  const explanations = useEnrolment((s) => s.explanations);
  const chosen = useEnrolment((s) => s.provisioning);

  return (
    <fieldset className="enrol-provisioning">
      <legend>How the server provisions devices</legend>
      {explanations.map((explanation) => (
        <label key={explanation.type} className={`enrol-type${chosen === explanation.type ? ' chosen' : ''}`}>
          <input type="radio" name="provisioning" value={explanation.type} checked={chosen === explanation.type} onChange={() => store.getState().setProvisioning(explanation.type)} />
          <span className="enrol-type-text">
            <strong>{explanation.title}</strong>
            <span>{explanation.meaning}</span>
            <span className="enrol-safe-when">
              <em>Safe when:</em> {explanation.safeWhen}
            </span>
            <span className="enrol-issues">{explanation.issuesCertificate ? 'Issues a device identity certificate through SCEP.' : 'Issues no certificate.'}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
