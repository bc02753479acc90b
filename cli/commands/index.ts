// Every subcommand of `mobileconfig`, in the order `--help` lists them.

import type { Command } from '../command.ts';
import { convertCommand } from './convert.ts';
import { diffCommand } from './diff.ts';
import { inspectCommand } from './inspect.ts';

export const commands: readonly Command[] = [inspectCommand, convertCommand, diffCommand];
