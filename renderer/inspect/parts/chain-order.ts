// The order a signer chain reads in: the signer, then each issuer up to the root, then any
// other certificate the file carries.

import type { CertificateSummary } from '../../../shared/cms/index.ts';

/** Orders `certificates` from the first signer upwards by issuer; certificates off that path keep their file order at the end. */
export function signerChainOrder(signers: readonly CertificateSummary[], certificates: readonly CertificateSummary[]): CertificateSummary[] {
  const remaining = [...certificates];
  const ordered: CertificateSummary[] = [];
  const take = (match: (certificate: CertificateSummary) => boolean) => {
    const index = remaining.findIndex(match);
    if (index < 0) return null;
    const [found] = remaining.splice(index, 1);
    ordered.push(found);
    return found;
  };

  let current = signers.length > 0 ? take((certificate) => certificate.sha256 === signers[0].sha256) : null;
  // Each step removes a certificate, so the walk ends; a self-signed root stops it.
  while (current && current.issuer !== current.subject) {
    const issuer = current.issuer;
    current = take((certificate) => certificate.subject === issuer);
  }
  return [...ordered, ...remaining];
}
