// `mobileconfig enrolment serve --dir FOLDER [...]`: runs the local test enrolment server until
// Ctrl-C (SIGINT) or SIGTERM, printing one line per request.

import path from 'node:path';

import { loadCertificates } from '../../electron/services/identity/index.ts';
import { REQUEST_LOG_FILE, startEnrolmentServer, type EnrolmentServer } from '../../electron/services/enrolment/index.ts';
import { CA_CERTIFICATE_FILE } from '../../electron/services/pki/index.ts';
import type { EnrolmentLogEntry } from '../../shared/enrolment/log-entry.ts';
import { PROVISIONING_TYPES, type ProvisioningType } from '../../shared/enrolment/provisioning.ts';
import { parseRulesJson } from '../../shared/enrolment/rules.ts';
import { parseChoice, parseCommandArgs } from '../args.ts';
import { hasIdentityOptions, IDENTITY_OPTIONS, loadIdentity } from '../identity-options.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { attributeNames, parseInteger, plural, readChallenge } from './enrolment-options.ts';

export const DEFAULT_SERVE_PORT = 8080;

/** Runs the server until `stop` aborts; the command wires it to SIGINT and SIGTERM. */
export async function runEnrolmentServe(args: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const { values, positionals } = parseCommandArgs('enrolment serve', args, {
    dir: { type: 'string' },
    provisioning: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    rules: { type: 'string' },
    'final-profile': { type: 'string' },
    'device-ca': { type: 'string', multiple: true },
    'challenge-env': { type: 'string' },
    'challenge-file': { type: 'string' },
    attribute: { type: 'string', multiple: true },
    organization: { type: 'string' },
    'public-url': { type: 'string' },
    'log-format': { type: 'string' },
    ...IDENTITY_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError(`enrolment serve: unexpected argument '${positionals[0]}'.`);
  if (!values.dir) throw new UsageError('enrolment serve: --dir FOLDER is required (the CA, device registry and request log live there).');
  const provisioning = parseChoice<ProvisioningType>('enrolment serve', 'provisioning', values.provisioning, PROVISIONING_TYPES, 'custom');
  const port = parseInteger('serve', 'port', values.port, DEFAULT_SERVE_PORT, 0, 65535);
  const logFormat = parseChoice('enrolment serve', 'log-format', values['log-format'], ['text', 'json'] as const, 'text');
  if (values.rules && provisioning !== 'custom') throw new UsageError('enrolment serve: --rules applies to --provisioning custom only.');
  const attributes = attributeNames(values.attribute);

  let server: EnrolmentServer;
  try {
    const sharedChallenge = await readChallenge(values, io, 'serve');
    const rules = values.rules ? parseRulesJson(Buffer.from(await io.readFile(values.rules)).toString('utf8'), values.rules) : undefined;
    const finalProfile = values['final-profile'] ? await io.readFile(values['final-profile']) : undefined;
    const deviceCas: Uint8Array[] = [];
    for (const file of values['device-ca'] ?? []) deviceCas.push(...loadCertificates(await io.readFile(file), file));
    const signer = hasIdentityOptions(values) ? await loadIdentity(values, io) : undefined;

    server = await startEnrolmentServer({
      stateDir: path.resolve(values.dir),
      host: values.host ?? '127.0.0.1',
      port,
      provisioning,
      ...(rules && { rules }),
      ...(sharedChallenge !== undefined && { sharedChallenge }),
      ...(attributes && { attributes }),
      ...(finalProfile && { finalProfile, finalProfileName: values['final-profile'] }),
      ...(signer && { signer }),
      deviceCaCertificates: deviceCas,
      ...(values.organization && { organization: values.organization }),
      ...(values['public-url'] && { publicUrl: values['public-url'] }),
      onError: (message) => io.stderr(`mobileconfig enrolment serve: ${message}\n`),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`mobileconfig enrolment serve: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }

  for (const warning of server.warnings) io.stderr(`mobileconfig enrolment serve: warning: ${warning}\n`);
  const unsubscribe = server.log.subscribe((entry) => io.stdout(logFormat === 'json' ? `${JSON.stringify(entry)}\n` : formatEntry(entry)));
  const created = server.workspace.created;
  io.stderr(
    [
      `Enrolment server running with ${provisioning} provisioning at ${server.url}`,
      `  enrolment profile: ${server.enrolUrl}`,
      `  SCEP:              ${server.scepUrl}`,
      `  state folder:      ${server.workspace.folder}${created.ca ? ' (new CA created)' : ''}`,
      `  CA certificate:    ${path.join(server.workspace.folder, CA_CERTIFICATE_FILE)}`,
      `  request log:       ${path.join(server.workspace.folder, REQUEST_LOG_FILE)}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    else stop.addEventListener('abort', () => resolve(), { once: true });
  });

  unsubscribe();
  try {
    await server.stop();
  } catch (error) {
    io.stderr(`mobileconfig enrolment serve: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }
  io.stderr(`Stopped after ${plural(server.log.entryCount, 'request')}; ${plural(server.workspace.registry.devices().length, 'device')} in the registry.\n`);
  return EXIT_OK;
}

/**
 * Formats one request as a text line: time, remote, method and path, phase, status, decision,
 * device, reason. Device ids and reasons can carry text a client sent, so control characters
 * are replaced to keep escape sequences away from the terminal.
 */
function formatEntry(entry: EnrolmentLogEntry): string {
  const device = entry.deviceId ?? '-';
  const line = `${entry.time} ${entry.remote} ${entry.method || '-'} ${entry.path || '-'} ${entry.phase} ${entry.status} ${entry.decision} ${device}: ${entry.reason}`;
  return `${line.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}\n`;
}
