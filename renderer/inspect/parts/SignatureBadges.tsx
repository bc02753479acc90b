// The signature status as four separate badges (signature valid, chain complete, trusted,
// signer expired), and the signature section of a signed file's card.

import type { InspectReport, SignatureReport } from '../../../shared/report/inspect-report.ts';
import { signerChainOrder } from './chain-order.ts';
import { CertificateList } from './CertificateList.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export function SignatureBadges({ signature }: { signature: SignatureReport }) {
  return (
    <div className="badge-row" aria-label="Signature status">
      <StatusBadge tone={signature.signatureValid ? 'good' : 'bad'} label={signature.signatureValid ? 'Signature valid' : 'Signature invalid'} />
      <StatusBadge tone={signature.chainComplete ? 'good' : 'warning'} label={signature.chainComplete ? 'Chain complete' : 'Chain incomplete'} />
      <StatusBadge tone={signature.chainTrusted ? 'good' : 'warning'} label={signature.chainTrusted ? 'Trusted' : 'Not trusted'} />
      <StatusBadge tone={signature.signerExpired ? 'bad' : 'good'} label={signature.signerExpired ? 'Signer expired' : 'Signer not expired'} />
    </div>
  );
}

/** The signature of a signed file: badges, the verifier's message, the digest and the signer chain. */
export function SignatureSection({ report }: { report: InspectReport }) {
  if (!report.signed) return null;
  return (
    <section className="card-section" aria-label="Signature">
      <h4>Signature</h4>
      {report.signature ? <SignatureBadges signature={report.signature} /> : null}
      {report.signature?.message ? <p className="hint">{report.signature.message}</p> : null}
      {report.digestAlgorithm ? <p className="hint">Digest: {report.digestAlgorithm}</p> : null}
      <h5>Signer chain</h5>
      <CertificateList certificates={signerChainOrder(report.signers ?? [], report.certificates ?? report.signers ?? [])} label="Signer chain" />
    </section>
  );
}
