// `mobileconfig verify FILE [--ca PEM]... [--certfile PEM]... [--json]`

import { verify, type VerifyResult } from '../../electron/services/cms/verify.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';
import { CertificateOptionError, loadCertificateOption, loadTrustAnchors } from './trust-anchors.ts';

const HELP = `Usage: mobileconfig verify FILE [--ca FILE]... [--certfile FILE]... [--json]

Checks the CMS signature of a signed profile (DER, PEM or base64) and reports separate facts:
  signatureValid     the messageDigest matches the content and the signature over the signed
                     attributes verifies with the signer's key (false when it cannot be checked)
  chainComplete      the file contains the signer certificate and every intermediate; the root
                     may be left out, as signers usually do
  chainTrusted       the chain ends at a --ca certificate or at one of Node's built-in roots
  signerExpired      the signer certificate's validity ended before now
  signerNotYetValid  the signer certificate's validity starts after now
(the JSON also says whether each of the last two was true at the signing time) and a status:
  valid          the signature verifies, the chain is trusted and every certificate is valid now
  untrusted      the signature verifies but the chain does not reach a trusted certificate
  expired        the signature verifies but a certificate on the chain has expired
  not-yet-valid  the signature verifies but a certificate on the chain is not valid yet
  invalid        the signature or the digest does not match: the file was changed after signing
  unsigned       the file is not CMS signed data
  error          the signature cannot be checked: the file is damaged, the signed content or
                 the signer certificate is missing, or an algorithm is not supported
A valid result can still list problems, such as trust that rests on a --ca certificate that is
not a root: devices trust only roots, so they may show the profile as "Not Verified".

Options:
  --ca FILE        PEM or DER certificate(s) to trust as anchors (repeatable)
  --certfile FILE  PEM or DER certificate(s) to search for the signer and intermediates that
                   the file leaves out (repeatable). They never make the chain complete,
                   because devices see only the file
  --json           print a JSON object: file, signed, status, signatureValid, chainComplete,
                   chainTrusted, signerExpired, signerExpiredAtSigningTime, signerNotYetValid,
                   signerNotYetValidAtSigningTime, signingTime, digestAlgorithm, signers,
                   message, problems

Exit codes: 0 only for status valid, 1 for any other status or an unreadable file, 2 usage error.
`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check the signature, chain and trust of a signed profile',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('verify', args, {
      ca: { type: 'string', multiple: true },
      certfile: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('verify: give exactly one file.');
    const file = positionals[0];

    let result: VerifyResult;
    try {
      const anchors = await loadTrustAnchors(values.ca ?? [], io);
      const extraCertificates = await loadCertificateOption('certfile', values.certfile ?? [], io);
      result = verify(await io.readFile(file), { anchors, extraCertificates });
    } catch (error) {
      // A bad --ca or --certfile file is named as such, in the form `inspect` uses for it too.
      const message = error instanceof CertificateOptionError ? `mobileconfig verify: ${error.message}` : describeFailure(file, error);
      io.stderr(`${message}\n`);
      if (values.json) io.stdout(`${JSON.stringify({ file, signed: false, status: 'error', message }, null, 2)}\n`);
      return EXIT_FILE_FAILED;
    }

    const { content: _content, ...report } = result;
    if (values.json) io.stdout(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
    else io.stdout(formatVerifyResult(file, result));
    return result.status === 'valid' ? EXIT_OK : EXIT_FILE_FAILED;
  },
};

function formatVerifyResult(file: string, r: VerifyResult): string {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  const atSigning = (value: boolean | null) => (value === null ? '' : ` (at signing time: ${yesNo(value)})`);
  const lines = [`${file}: ${r.status}: ${r.message}`];

  // With status error nothing was checked, so the yes/no facts would only mislead.
  if (r.signed && r.status !== 'error') {
    lines.push(`  signature valid:   ${yesNo(r.signatureValid)}`);
    lines.push(`  chain complete:    ${yesNo(r.chainComplete)}`);
    lines.push(`  chain trusted:     ${yesNo(r.chainTrusted)}`);
    lines.push(`  signer expired:    ${yesNo(r.signerExpired)}${atSigning(r.signerExpiredAtSigningTime)}`);
    lines.push(`  not yet valid:     ${yesNo(r.signerNotYetValid)}${atSigning(r.signerNotYetValidAtSigningTime)}`);
  }
  if (r.digestAlgorithm) lines.push(`  digest:            ${r.digestAlgorithm}`);
  if (r.signingTime) lines.push(`  signing time:      ${r.signingTime}`);
  for (const signer of r.signers) lines.push(`  signer:            ${signer.subject} (issuer ${signer.issuer}, serial ${signer.serialNumber}, valid to ${signer.notAfter})`);
  for (const problem of r.problems) lines.push(`  problem: ${problem}`);
  return `${lines.join('\n')}\n`;
}
