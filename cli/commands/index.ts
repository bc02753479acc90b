// Every subcommand of `mobileconfig`, in the order `--help` lists them.

import type { Command } from '../command.ts';
import { convertCommand } from './convert.ts';
import { decryptCommand } from './decrypt.ts';
import { diffCommand } from './diff.ts';
import { encryptCommand } from './encrypt.ts';
import { inspectCommand } from './inspect.ts';
import { provisioningCommand } from './provisioning.ts';
import { signCommand } from './sign.ts';
import { validateCommand } from './validate.ts';
import { verifyCommand } from './verify.ts';

export const commands: readonly Command[] = [inspectCommand, validateCommand, signCommand, verifyCommand, encryptCommand, decryptCommand, convertCommand, diffCommand, provisioningCommand];
