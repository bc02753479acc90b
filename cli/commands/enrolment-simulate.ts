// `mobileconfig enrolment simulate --url URL [...]`: plays a device through the enrolment
// against a workbench server on loopback and prints each phase.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { simulateEnrolment, SimulatorError, type SimulationResult } from '../../electron/services/enrolment/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { encodePem } from '../../electron/services/pki/index.ts';
import { parseChoice, parseCommandArgs } from '../args.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { parseInteger, readChallenge } from './enrolment-options.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

export async function runEnrolmentSimulate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('enrolment simulate', args, {
    url: { type: 'string' },
    udid: { type: 'string' },
    serial: { type: 'string' },
    product: { type: 'string' },
    version: { type: 'string' },
    'device-name': { type: 'string' },
    imei: { type: 'string' },
    challenge: { type: 'string' },
    'challenge-env': { type: 'string' },
    'challenge-file': { type: 'string' },
    ca: { type: 'string', multiple: true },
    'key-size': { type: 'string' },
    'device-key': { type: 'string' },
    'save-dir': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`enrolment simulate: unexpected argument '${positionals[0]}'.`);
  if (!values.url) throw new UsageError('enrolment simulate: --url URL is required (the enrolment URL, such as http://127.0.0.1:8080/enrol).');
  if (!URL.canParse(values.url)) throw new UsageError(`enrolment simulate: --url "${values.url}" is not a valid URL; give the enrolment URL that serve prints, such as http://127.0.0.1:8080/enrol.`);
  const challengeOptions = [values.challenge, values['challenge-env'], values['challenge-file']].filter((value) => value !== undefined);
  if (challengeOptions.length > 1) throw new UsageError('enrolment simulate: give one of --challenge, --challenge-env and --challenge-file.');
  const deviceKeyType = parseChoice('enrolment simulate', 'device-key', values['device-key'], ['ec', 'rsa'] as const, 'ec');
  const keyBits = values['key-size'] === undefined ? undefined : parseInteger('simulate', 'key-size', values['key-size'], 2048, 1024, 8192);

  let anchors: Uint8Array[];
  let challenge: string | undefined;
  try {
    anchors = await loadTrustAnchors(values.ca ?? [], io);
    challenge = values.challenge ?? (await readChallenge(values, io, 'simulate'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`mobileconfig enrolment simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }

  let result: SimulationResult;
  try {
    result = await simulateEnrolment({
      url: values.url,
      device: {
        ...(values.udid !== undefined && { udid: values.udid }),
        ...(values.serial !== undefined && { serial: values.serial }),
        ...(values.product !== undefined && { product: values.product }),
        ...(values.version !== undefined && { version: values.version }),
        ...(values['device-name'] !== undefined && { deviceName: values['device-name'] }),
        ...(values.imei !== undefined && { imei: values.imei }),
      },
      ...(challenge !== undefined && { challenge }),
      ...(values.ca && { trustAnchors: anchors }),
      deviceKeyType,
      ...(keyBits !== undefined && { identityKeyBits: keyBits }),
      onPhase: (report) => {
        if (!values.json) io.stdout(`${report.phase}: ${report.summary}\n`);
      },
    });
  } catch (error) {
    if (error instanceof SimulatorError) {
      io.stderr(`mobileconfig enrolment simulate: rejected in phase ${error.phase}${error.status === undefined ? '' : ` (HTTP ${error.status})`}: ${error.reason}\n`);
      return EXIT_FILE_FAILED;
    }
    throw error;
  }

  if (values['save-dir']) await saveMessages(path.resolve(values['save-dir']), result);
  if (values.json) {
    io.stdout(`${JSON.stringify(summary(result), null, 2)}\n`);
  } else {
    const identity = result.scep ? `identity serial ${result.scep.certificate.serialNumber}` : 'no identity (no provisioning)';
    io.stdout(`Enrolled device ${result.deviceId}: ${identity}, ${result.requestCount} requests.\n`);
  }
  return EXIT_OK;
}

function summary(result: SimulationResult): Record<string, unknown> {
  return {
    deviceId: result.deviceId,
    attributes: result.attributes,
    requestCount: result.requestCount,
    phases: result.phases,
    identity: result.scep ? { serialNumber: result.scep.certificate.serialNumber, subject: result.scep.certificate.subject.display, issuer: result.scep.certificate.issuer.display, notAfter: result.scep.certificate.notAfter.toISOString() } : null,
  };
}

/** Writes every message of the enrolment, for openssl or the inspector. Keys are written with mode 0600. */
async function saveMessages(folder: string, result: SimulationResult): Promise<void> {
  await mkdir(folder, { recursive: true });
  const files: [string, Uint8Array | string, number?][] = [
    ['enrolment-profile.der', result.enrolmentProfile],
    ['device-certificate.pem', encodePem('CERTIFICATE', result.deviceIdentity.certificate)],
    ['device-key.pem', String(result.deviceIdentity.privateKey.export({ type: 'pkcs8', format: 'pem' })), 0o600],
    ['attributes-request.der', result.attributesRequest],
    ['attributes-reply.der', result.attributesReply],
    ['final-profile.mobileconfig', result.finalProfile],
  ];
  if (result.scep) {
    files.push(
      ['scep-request.der', result.scep.request],
      ['scep-reply.der', result.scep.reply],
      ['identity-request.csr', encodePem('CERTIFICATE REQUEST', result.scep.csr)],
      ['identity-certificate.pem', encodePem('CERTIFICATE', result.scep.certificate.raw)],
      ['identity-key.pem', String(result.scep.privateKey.export({ type: 'pkcs8', format: 'pem' })), 0o600],
    );
  }
  if (result.finalRequest) files.push(['final-request.der', result.finalRequest]);
  if (result.finalReply) files.push(['final-reply.der', result.finalReply]);
  for (const [name, content, mode] of files) {
    await writeFileAtomic(path.join(folder, name), typeof content === 'string' ? Buffer.from(content) : content, mode === undefined ? {} : { mode });
  }
}
