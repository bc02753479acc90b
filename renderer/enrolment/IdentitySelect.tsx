// A choice of the keystore's identities, for signing the enrolment profile or the server's profiles.

import type { IdentitySummary } from '../../shared/keystore/summaries.ts';

interface Props {
  readonly label: string;
  readonly identities: readonly IdentitySummary[];
  readonly value: string;
  /** Text of the '' choice: unsigned, or the workbench's own signer. */
  readonly noneLabel: string;
  readonly onChange: (identityId: string) => void;
}

export function IdentitySelect({ label, identities, value, noneLabel, onChange }: Props) {
  return (
    <label className="enrol-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{noneLabel}</option>
        {identities.map((identity) => (
          <option key={identity.id} value={identity.id}>
            {identity.certificate.subject} ({identity.certificate.keyType}, {expiryText(identity)})
          </option>
        ))}
      </select>
    </label>
  );
}

function expiryText(identity: IdentitySummary): string {
  const { state, daysLeft } = identity.expiry;
  switch (state) {
    case 'expired':
      return 'expired';
    case 'not-yet-valid':
      return 'not yet valid';
    case 'expiring':
    case 'valid':
      return `expires in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
    default: {
      const unknown: never = state;
      return String(unknown);
    }
  }
}
