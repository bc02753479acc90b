// `mobileconfig verify FILE [--ca PEM]... [--json]`

import { verify, type VerifyResult } from '../../electron/services/cms/index.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

const HELP = `Usage: mobileconfig verify FILE [--ca FILE]... [--json]

Checks the CMS signature of a signed profile (DER, PEM or base64) and reports separate facts:
  signatureValid  the messageDigest matches the content and the signature over the signed
                  attributes verifies with the signer's key
  chainComplete   a chain from the signer to a self-signed certificate can be built from the
                  certificates inside the file
  chainTrusted    the chain ends at a --ca certificate or at one of Node's built-in roots
  signerExpired   the signer certificate has expired now (the JSON also says whether it had
                  expired at the signing time)
and a status: valid, untrusted, expired, invalid (a bad signature or digest), unsigned, or error
(the file cannot be read as CMS).

Options:
  --ca FILE   PEM or DER certificate(s) to trust as roots (repeatable)
  --json      print a JSON object: file, signed, status, signatureValid, chainComplete,
              chainTrusted, signerExpired, signerExpiredAtSigningTime, signingTime,
              digestAlgorithm, signers, message, problems

Exit codes: 0 only for status valid, 1 for any other status or an unreadable file, 2 usage error.
`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check the signature, chain and trust of a signed profile',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('verify', args, {
      ca: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('verify: give exactly one file.');
    const file = positionals[0];

    let result: VerifyResult;
    try {
      const anchors = await loadTrustAnchors(values.ca ?? [], io);
      result = verify(await io.readFile(file), { anchors });
    } catch (error) {
      io.stderr(`${describeFailure(file, error)}\n`);
      if (values.json) io.stdout(`${JSON.stringify({ file, signed: false, status: 'error', message: describeFailure(file, error) }, null, 2)}\n`);
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
  const lines = [`${file}: ${r.status}: ${r.message}`];
  if (r.signed) {
    lines.push(`  signature valid: ${yesNo(r.signatureValid)}`);
    lines.push(`  chain complete:  ${yesNo(r.chainComplete)}`);
    lines.push(`  chain trusted:   ${yesNo(r.chainTrusted)}`);
    lines.push(`  signer expired:  ${yesNo(r.signerExpired)}${r.signerExpiredAtSigningTime === null ? '' : ` (at signing time: ${yesNo(r.signerExpiredAtSigningTime)})`}`);
    if (r.digestAlgorithm) lines.push(`  digest:          ${r.digestAlgorithm}`);
    if (r.signingTime) lines.push(`  signing time:    ${r.signingTime}`);
    for (const signer of r.signers) lines.push(`  signer:          ${signer.subject} (issuer ${signer.issuer}, serial ${signer.serialNumber}, valid to ${signer.notAfter})`);
  }
  for (const problem of r.problems) lines.push(`  problem: ${problem}`);
  return `${lines.join('\n')}\n`;
}
