// Runs the CLI in-process with captured output.

import { readFile } from 'node:fs/promises';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (file) => new Uint8Array(await readFile(file)),
    env,
    stdinIsTty: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
