// Start and stop of the local test enrolment server: address, provisioning rules, final
// profile, device CA and signer, then the server's status and its live request log.

import { useServices } from '../app/context.ts';
import { explainProvisioningType, PROVISIONING_TYPES, type ProvisioningType } from '../../shared/enrolment/provisioning.ts';
import { RSA_KEY_SIZES } from '../../shared/enrolment/rules.ts';
import { AttributeChecklist } from './AttributeChecklist.tsx';
import { useEnrolment, useEnrolmentStore } from './context.ts';
import { formatTime } from './device-table.ts';
import { IdentitySelect } from './IdentitySelect.tsx';
import { RequestLog } from './RequestLog.tsx';
import { isLoopbackHost } from './server-form.ts';

export function ServerPanel() {
  const store = useEnrolmentStore();
  const { editor } = useServices();
  const status = useEnrolment((s) => s.status);
  const busy = useEnrolment((s) => s.busy);
  const problems = useEnrolment((s) => s.serverProblems);

  const start = () => {
    const { document, text } = editor.getState();
    void store.getState().startServer(document ? { text, name: document.displayName } : null);
  };

  return (
    <section className="enrol-server" aria-labelledby="enrol-server-title">
      <h2 id="enrol-server-title">Local test enrolment server</h2>
      {status.running ? <ServerStatus /> : <ServerSettings />}

      {problems.length > 0 ? (
        <ul className="enrol-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}

      <div className="enrol-nav">
        {status.running ? (
          <button type="button" disabled={busy === 'stopping'} onClick={() => void store.getState().stopServer()}>
            Stop server
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy === 'starting'} onClick={start}>
            Start server
          </button>
        )}
      </div>

      <RequestLog />
    </section>
  );
}

function ServerStatus() {
  const status = useEnrolment((s) => s.status);
  const provisioning = status.provisioning ? explainProvisioningType(status.provisioning).title : '';

  return (
    <>
      <dl className="enrol-summary" aria-label="Server status">
        <dt>Running at</dt>
        <dd>
          <code>{status.url}</code>
        </dd>
        <dt>Profile Service URL</dt>
        <dd>
          <code>{status.enrolUrl}</code>
        </dd>
        <dt>Provisioning</dt>
        <dd>{provisioning}</dd>
        <dt>Started</dt>
        <dd>{formatTime(status.startedAt)}</dd>
        <dt>Requests</dt>
        <dd>{status.requestCount}</dd>
        <dt>Devices</dt>
        <dd>{status.deviceCount}</dd>
      </dl>
      {status.warnings.map((warning) => (
        <p key={warning} className="enrol-warning" role="alert">
          {warning}
        </p>
      ))}
    </>
  );
}

function ServerSettings() {
  const store = useEnrolmentStore();
  const server = useEnrolment((s) => s.server);
  const provisioning = useEnrolment((s) => s.provisioning);
  const challengeSet = useEnrolment((s) => s.profile.challenge !== '');
  const identities = useEnrolment((s) => s.identities);
  const update = store.getState().updateServer;
  const explanation = explainProvisioningType(provisioning);

  return (
    <div className="enrol-settings">
      <div className="enrol-row">
        <label className="enrol-field">
          <span>Address</span>
          <input type="text" spellCheck={false} value={server.host} onChange={(event) => update({ host: event.target.value })} />
        </label>
        <label className="enrol-field enrol-port">
          <span>Port</span>
          <input type="text" inputMode="numeric" value={server.port} onChange={(event) => update({ port: event.target.value })} />
        </label>
      </div>
      {isLoopbackHost(server.host) ? (
        <p className="enrol-hint">Only this computer can reach the server. Port 0 picks a free port.</p>
      ) : (
        <p className="enrol-warning" role="alert">
          {server.host.trim()} is not a loopback address: other machines on the network can reach the server. It is a test tool whose CA key is stored unencrypted; use 127.0.0.1 unless you mean it.
        </p>
      )}

      <label className="enrol-field">
        <span>Provisioning type</span>
        <select value={provisioning} onChange={(event) => store.getState().setProvisioning(event.target.value as ProvisioningType)}>
          {PROVISIONING_TYPES.map((type) => (
            <option key={type} value={type}>
              {explainProvisioningType(type).title}
            </option>
          ))}
        </select>
      </label>
      <p className="enrol-hint">
        {explanation.meaning} <em>Safe when:</em> {explanation.safeWhen}
      </p>
      {provisioning === 'auto' ? <p className="enrol-hint">{challengeSet ? 'Devices must send the challenge set in the profile flow.' : 'No challenge is set in the profile flow, so any device that completes the flow gets an identity.'}</p> : null}
      {provisioning === 'custom' ? <RulesFields /> : null}

      <AttributeChecklist />
      <FinalProfileChoice />
      <DeviceCaChoice />
      <IdentitySelect label="Signer of the server's profiles" identities={identities} value={server.signingIdentityId} noneLabel="The workbench's own signer" onChange={(signingIdentityId) => update({ signingIdentityId })} />
      <label className="enrol-field">
        <span>Organization in profiles and certificates</span>
        <input type="text" placeholder="Mobileconfig Studio" value={server.organization} onChange={(event) => update({ organization: event.target.value })} />
      </label>
    </div>
  );
}

function RulesFields() {
  const store = useEnrolmentStore();
  const rules = useEnrolment((s) => s.server.rules);
  const update = store.getState().updateRules;

  return (
    <fieldset className="enrol-rules">
      <legend>Custom provisioning rules</legend>
      <label className="enrol-field">
        <span>Allowed products (patterns such as iPhone*, separated by commas; empty allows any)</span>
        <input type="text" spellCheck={false} value={rules.products} onChange={(event) => update({ products: event.target.value })} />
      </label>
      <div className="enrol-row">
        <label className="enrol-field">
          <span>Minimum OS version</span>
          <input type="text" placeholder="17.0" value={rules.minVersion} onChange={(event) => update({ minVersion: event.target.value })} />
        </label>
        <label className="enrol-field">
          <span>Maximum OS version</span>
          <input type="text" value={rules.maxVersion} onChange={(event) => update({ maxVersion: event.target.value })} />
        </label>
      </div>
      <div className="enrol-row">
        <label className="enrol-field">
          <span>Minimum RSA key size of the certificate request</span>
          <select value={rules.minRsaBits} onChange={(event) => update({ minRsaBits: Number(event.target.value) })}>
            {RSA_KEY_SIZES.map((bits) => (
              <option key={bits} value={bits}>
                {bits} bits
              </option>
            ))}
          </select>
        </label>
        <label className="enrol-field">
          <span>Challenge lifetime in minutes</span>
          <input type="text" inputMode="numeric" value={rules.challengeLifetimeMinutes} onChange={(event) => update({ challengeLifetimeMinutes: event.target.value })} />
        </label>
      </div>
      <label className="enrol-check">
        <input type="checkbox" checked={rules.requireDeviceCa} onChange={(event) => update({ requireDeviceCa: event.target.checked })} />
        Require a device CA: reject devices whose certificate does not chain to the device CA file
      </label>
    </fieldset>
  );
}

function FinalProfileChoice() {
  const store = useEnrolmentStore();
  const source = useEnrolment((s) => s.server.finalProfile);
  const file = useEnrolment((s) => s.server.finalFile);
  const update = store.getState().updateServer;

  return (
    <fieldset className="enrol-final">
      <legend>Final profile delivered after enrolment</legend>
      <label className="enrol-check">
        <input type="radio" name="final-profile" checked={source === 'default'} onChange={() => update({ finalProfile: 'default' })} />
        The workbench CA certificate profile
      </label>
      <label className="enrol-check">
        <input type="radio" name="final-profile" checked={source === 'editor'} onChange={() => update({ finalProfile: 'editor' })} />
        The profile open in the editor
      </label>
      <label className="enrol-check">
        <input type="radio" name="final-profile" checked={source === 'file'} onChange={() => update({ finalProfile: 'file' })} />
        A file: {file ? <code>{file.displayName}</code> : 'none chosen'}
      </label>
      <button type="button" onClick={() => void store.getState().chooseFinalProfile()}>
        Choose final profile…
      </button>
      <p className="enrol-hint">The final profile must be unsigned and unencrypted: the server encrypts it to each device's identity and signs it.</p>
    </fieldset>
  );
}

function DeviceCaChoice() {
  const store = useEnrolmentStore();
  const deviceCa = useEnrolment((s) => s.server.deviceCa);

  return (
    <fieldset className="enrol-device-ca">
      <legend>Device CA (optional)</legend>
      {deviceCa ? (
        <p>
          <code>{deviceCa.displayName}</code>: {deviceCa.subjects.join('; ')}{' '}
          <button type="button" className="link-button" onClick={() => store.getState().updateServer({ deviceCa: null })}>
            Remove
          </button>
        </p>
      ) : (
        <p className="enrol-hint">The log says whether each device certificate chains to it.</p>
      )}
      <button type="button" onClick={() => void store.getState().chooseDeviceCa()}>
        Choose device CA certificates…
      </button>
    </fieldset>
  );
}
