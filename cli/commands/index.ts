// Every subcommand of `mobileconfig`, in the order `--help` lists them.
//
// Each command's module is imported only when that command runs or its help is shown. Importing
// all of them (schemas, validation, CMS, PKCS#12, provisioning) took Node about 100 ms at every
// start, which is more than most commands then spend on their work.

import type { Command } from '../command.ts';

export interface CommandEntry {
  readonly name: string;
  /** Imports the command's module. */
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'inspect', load: async () => (await import('./inspect.ts')).inspectCommand },
  { name: 'validate', load: async () => (await import('./validate.ts')).validateCommand },
  { name: 'sign', load: async () => (await import('./sign.ts')).signCommand },
  { name: 'verify', load: async () => (await import('./verify.ts')).verifyCommand },
  { name: 'encrypt', load: async () => (await import('./encrypt.ts')).encryptCommand },
  { name: 'decrypt', load: async () => (await import('./decrypt.ts')).decryptCommand },
  { name: 'convert', load: async () => (await import('./convert.ts')).convertCommand },
  { name: 'diff', load: async () => (await import('./diff.ts')).diffCommand },
  { name: 'provisioning', load: async () => (await import('./provisioning.ts')).provisioningCommand },
  { name: 'enrolment', load: async () => (await import('./enrolment.ts')).enrolmentCommand },
];
