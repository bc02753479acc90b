// `mobileconfig enrolment new|serve|simulate|devices|revoke|types`: the device provisioning
// workbench. Each subcommand lives in its own enrolment-*.ts file.

import { explainProvisioningType, PROVISIONING_TYPES } from '../../shared/enrolment/provisioning.ts';
import { DEVICE_ATTRIBUTE_NAMES } from '../../shared/enrolment/device-attributes.ts';
import type { Command } from '../command.ts';
import { IDENTITY_HELP } from '../identity-options.ts';
import { EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { runEnrolmentDevices, runEnrolmentRevoke } from './enrolment-devices.ts';
import { runEnrolmentNew } from './enrolment-new.ts';
import { DEFAULT_SERVE_PORT, runEnrolmentServe } from './enrolment-serve.ts';
import { runEnrolmentSimulate } from './enrolment-simulate.ts';

function typesText(): string {
  return PROVISIONING_TYPES.map((type) => {
    const explanation = explainProvisioningType(type);
    return `  ${type.padEnd(7)}${explanation.title}. ${explanation.meaning}\n         Safe: ${explanation.safeWhen}`;
  }).join('\n');
}

const HELP = `Usage: mobileconfig enrolment new -o OUT --url URL [--attribute NAME]... [--challenge-env VAR | --challenge-file FILE]
                                [--name TEXT] [--description TEXT] [--organization TEXT] [--identifier ID] [identity options]
       mobileconfig enrolment serve --dir FOLDER [--provisioning none|auto|custom] [--host ADDRESS] [--port N]
                                [--rules FILE] [--final-profile FILE] [--device-ca FILE]... [--attribute NAME]...
                                [--challenge-env VAR | --challenge-file FILE] [--organization TEXT] [--public-url URL]
                                [--log-format text|json] [identity options]
       mobileconfig enrolment simulate --url URL [--udid ID] [--serial S] [--product P] [--version V] [--device-name N]
                                [--imei N] [--challenge-env VAR | --challenge-file FILE | --challenge TEXT] [--ca FILE]...
                                [--key-size BITS] [--device-key ec|rsa] [--save-dir DIR] [--json]
       mobileconfig enrolment devices --dir FOLDER [--json | --csv] [-o FILE]
       mobileconfig enrolment revoke --dir FOLDER --device ID
       mobileconfig enrolment types

Over-the-air enrolment on a local test server. "new" writes an enrolment profile (PayloadType
"Profile Service") that makes a device post the requested attributes, signed with its device
certificate, to URL. "serve" runs the workbench server on plain HTTP: GET /enrol gives the signed
enrolment profile; POST /enrol takes the device's signed attributes (phase 1) and responds with a
profile whose SCEP payload makes the device obtain an identity certificate from the workbench CA
at /scep (phase 2), keeping its private key on the device; the device then posts again signed
with that identity and gets the final profile encrypted to it and signed (phase 3). "simulate"
plays a device against such a server on 127.0.0.1, ::1 or localhost, and prints each phase.
"devices" lists the devices in a server's registry ("how many devices use this server"),
"revoke" marks one revoked (stop the server first).

Provisioning types:
${typesText()}

new:
  -o, --output FILE        where to write: signed DER with an identity, else XML
  --url URL                where devices post their attributes (http or https)
  --attribute NAME         attribute to request; repeat or separate with commas. Known names:
                           ${DEVICE_ATTRIBUTE_NAMES.join(', ')}. Default UDID,VERSION,PRODUCT,SERIAL
  --challenge-env VAR      put the value of environment variable VAR in the profile as Challenge
  --challenge-file FILE    the same, from the first line of FILE (never as an argument value,
                           because arguments show in process lists)
  --name, --description, --organization, --identifier   display texts and PayloadIdentifier

serve:
  --dir FOLDER             state folder: CA (created on first use; the key is stored unencrypted,
                           for tests only), profile signer, devices.json, requests.log
  --provisioning TYPE      none, auto or custom (default custom)
  --host ADDRESS           address to listen on (default 127.0.0.1; any other address draws a warning)
  --port N                 TCP port (default ${DEFAULT_SERVE_PORT}; 0 picks a free one)
  --rules FILE             custom provisioning rules, JSON: {"products": ["iPhone*"], "minVersion": "17.0",
                           "maxVersion": "18.9", "minRsaBits": 2048, "requireDeviceCa": false,
                           "challengeLifetimeMinutes": 60}
  --final-profile FILE     the unsigned, unencrypted profile sent in phase 3 (default: a profile
                           with the workbench CA certificate)
  --device-ca FILE         device CA certificate(s), PEM or DER; the log records whether each phase-1
                           signer chains to one (with "requireDeviceCa" custom rules require it)
  --challenge-env VAR, --challenge-file FILE   auto provisioning: a challenge shared by every
                           enrolment profile and required back
  --attribute NAME         attributes the enrolment profile requests (as for new)
  --public-url URL         base URL written into profiles, when devices reach the server elsewhere
  --log-format FORMAT      one line per request on standard output: text (default) or json;
                           requests.log always has JSON lines
  Identity options sign the profiles; without them the workbench's own signer is used.
  Limits: request bodies up to 1 MiB (413 beyond), 30 s to send a body (408 beyond).

simulate:
  --url URL                the enrolment URL printed by serve (http://127.0.0.1:${DEFAULT_SERVE_PORT}/enrol)
  --udid, --serial, --product, --version, --device-name, --imei   attribute values (others are made up)
  --challenge-env VAR, --challenge-file FILE   send this challenge instead of the one in the
                           enrolment profile, read as for new
  --challenge TEXT         the same from the command line, for testing rejections with a wrong
                           value only: process lists show arguments, so never pass a real challenge
  --ca FILE                trust this CA for the server's profile signatures (else trust is not checked)
  --key-size BITS          RSA size of the identity key instead of the profile's Keysize
  --device-key TYPE        key of the throwaway device certificate: ec (P-256, default) or rsa (2048)
  --save-dir DIR           write every message, certificate and key of the run to DIR
  --json                   print a JSON summary instead of the phase lines

devices:
  --dir FOLDER             the state folder of a server
  --json, --csv            JSON or CSV (RFC 4180) instead of the text table
  -o, --output FILE        write to FILE instead of standard output

${IDENTITY_HELP}
Exit codes: 0 success (simulate: enrolled), 1 a file, the server or an enrolment failed
(simulate: rejected, with the phase and the server's reason), 2 usage error.
`;

export const enrolmentCommand: Command = {
  name: 'enrolment',
  summary: 'enrolment profiles, a local test enrolment server and a device simulator',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const [subcommand, ...rest] = args;
    switch (subcommand) {
      case 'new':
        return runEnrolmentNew(rest, io);
      case 'serve':
        return serveUntilSignal(rest, io);
      case 'simulate':
        return runEnrolmentSimulate(rest, io);
      case 'devices':
        return runEnrolmentDevices(rest, io);
      case 'revoke':
        return runEnrolmentRevoke(rest, io);
      case 'types':
        io.stdout(`${typesText()}\n`);
        return EXIT_OK;
      default:
        throw new UsageError(`enrolment: ${subcommand === undefined ? 'a subcommand is required' : `unknown subcommand '${subcommand}'`}; use new, serve, simulate, devices, revoke or types.`);
    }
  },
};

/** Runs the server until SIGINT or SIGTERM. */
async function serveUntilSignal(args: string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await runEnrolmentServe(args, io, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
