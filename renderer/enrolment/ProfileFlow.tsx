// The guided "New enrolment profile" flow: provisioning type, URL and attributes, challenge and
// display texts, then signing and saving through the main process' save dialog.

import { explainProvisioningType, type ProvisioningType } from '../../shared/enrolment/provisioning.ts';
import { AttributeChecklist } from './AttributeChecklist.tsx';
import { useEnrolment, useEnrolmentStore } from './context.ts';
import { IdentitySelect } from './IdentitySelect.tsx';
import { PROFILE_STEPS, stepProblems, takesChallenge } from './profile-form.ts';
import { ProvisioningChoice } from './ProvisioningChoice.tsx';

export function ProfileFlow() {
  const store = useEnrolmentStore();
  const step = useEnrolment((s) => s.step);
  const profile = useEnrolment((s) => s.profile);
  const problems = stepProblems(profile, step);
  const last = step === PROFILE_STEPS.length - 1;

  return (
    <section className="enrol-flow" aria-labelledby="enrol-flow-title">
      <h2 id="enrol-flow-title">New enrolment profile</h2>
      <ol className="enrol-steps">
        {PROFILE_STEPS.map((title, index) => (
          <li key={title}>
            <button type="button" aria-current={index === step ? 'step' : undefined} onClick={() => store.getState().goToStep(index)}>
              {index + 1}. {title}
            </button>
          </li>
        ))}
      </ol>

      <div className="enrol-step" role="group" aria-label={PROFILE_STEPS[step]}>
        {step === 0 ? <ProvisioningChoice /> : null}
        {step === 1 ? <UrlStep /> : null}
        {step === 2 ? <TextsStep /> : null}
        {step === 3 ? <SaveStep /> : null}
      </div>

      {problems.length > 0 ? (
        <ul className="enrol-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}

      <div className="enrol-nav">
        <button type="button" disabled={step === 0} onClick={() => store.getState().goToStep(step - 1)}>
          Back
        </button>
        {last ? null : (
          <button type="button" className="primary" disabled={problems.length > 0} onClick={() => store.getState().goToStep(step + 1)}>
            Next
          </button>
        )}
      </div>
    </section>
  );
}

function UrlStep() {
  const store = useEnrolmentStore();
  const url = useEnrolment((s) => s.profile.url);
  const serverUrl = useEnrolment((s) => s.status.enrolUrl);

  return (
    <>
      <label className="enrol-field">
        <span>URL the device posts its attributes to</span>
        <input type="url" value={url} spellCheck={false} onChange={(event) => store.getState().updateProfile({ url: event.target.value })} />
      </label>
      {serverUrl && serverUrl !== url ? (
        <p className="enrol-hint">
          The test server runs at <code>{serverUrl}</code>.{' '}
          <button type="button" className="link-button" onClick={() => store.getState().useServerUrl()}>
            Use this URL
          </button>
        </p>
      ) : null}
      <AttributeChecklist />
    </>
  );
}

function TextsStep() {
  const store = useEnrolmentStore();
  const profile = useEnrolment((s) => s.profile);
  const provisioning = useEnrolment((s) => s.provisioning);
  const update = store.getState().updateProfile;
  const challengeAllowed = takesChallenge(provisioning);

  return (
    <>
      <label className="enrol-field">
        <span>Challenge</span>
        <input type="text" autoComplete="off" spellCheck={false} disabled={!challengeAllowed} value={challengeAllowed ? profile.challenge : ''} onChange={(event) => update({ challenge: event.target.value })} />
      </label>
      <p className="enrol-hint">{challengeHint(provisioning)}</p>
      <label className="enrol-field">
        <span>Display name</span>
        <input type="text" value={profile.displayName} onChange={(event) => update({ displayName: event.target.value })} />
      </label>
      <label className="enrol-field">
        <span>Description</span>
        <textarea rows={2} value={profile.description} onChange={(event) => update({ description: event.target.value })} />
      </label>
      <label className="enrol-field">
        <span>Organization</span>
        <input type="text" value={profile.organization} onChange={(event) => update({ organization: event.target.value })} />
      </label>
      <label className="enrol-field">
        <span>Identifier</span>
        <input type="text" spellCheck={false} value={profile.identifier} onChange={(event) => update({ identifier: event.target.value })} />
      </label>
    </>
  );
}

function SaveStep() {
  const store = useEnrolmentStore();
  const profile = useEnrolment((s) => s.profile);
  const provisioning = useEnrolment((s) => s.provisioning);
  const identities = useEnrolment((s) => s.identities);
  const saved = useEnrolment((s) => s.savedProfile);
  const saving = useEnrolment((s) => s.busy === 'saving');
  const explanation = explainProvisioningType(provisioning);

  return (
    <>
      <IdentitySelect label="Signing identity" identities={identities} value={profile.signingIdentityId} noneLabel="Unsigned" onChange={(signingIdentityId) => store.getState().updateProfile({ signingIdentityId })} />
      <p className="enrol-hint">
        Identities come from the certificate manager.{' '}
        <button type="button" className="link-button" onClick={() => void store.getState().refreshIdentities()}>
          Reload the list
        </button>
      </p>
      <dl className="enrol-summary">
        <dt>Provisioning</dt>
        <dd>{explanation.title}</dd>
        <dt>URL</dt>
        <dd>
          <code>{profile.url}</code>
        </dd>
        <dt>Attributes</dt>
        <dd>{profile.attributes.join(', ')}</dd>
        <dt>Challenge</dt>
        <dd>{takesChallenge(provisioning) && profile.challenge !== '' ? 'set' : 'none'}</dd>
      </dl>
      <button type="button" className="primary" disabled={saving} onClick={() => void store.getState().saveProfile()}>
        Save enrolment profile…
      </button>
      {saved ? (
        <p className="enrol-saved" role="status">
          Saved {saved.signed ? `signed by ${saved.signer ?? 'the chosen identity'}` : 'unsigned'} to <code>{saved.filePath}</code>
        </p>
      ) : null}
    </>
  );
}

function challengeHint(provisioning: ProvisioningType): string {
  switch (provisioning) {
    case 'custom':
      return 'Custom provisioning accepts only the single-use challenge the server writes into each profile it serves, so devices should download the enrolment profile from the server; a challenge in this file would be rejected.';
    case 'auto':
      return 'Auto provisioning: the test server started from this screen requires this challenge back. Leave it empty to accept any device that completes the flow.';
    case 'none':
      return 'No provisioning: the server does not check the challenge; it is only written into the profile.';
    default: {
      const unknown: never = provisioning;
      return String(unknown);
    }
  }
}
