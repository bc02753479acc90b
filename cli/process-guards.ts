// Process-level behaviour of the `mobileconfig` command when it runs as its own process
// (not when tests call `main` in-process): closed pipes, full output devices and signals.

import { removePendingTempFiles } from '../electron/services/files/pending-temp-files.ts';

const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Installs the handlers; call once, before running a command. */
export function installProcessGuards(): void {
  // `mobileconfig inspect ... | head -1` closes the pipe early: stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`mobileconfig: cannot write the output: ${error.code === 'ENOSPC' ? 'no space left on the output device' : error.message}\n`);
      process.exit(1);
    });
  }

  // An interrupted write must not leave its temporary file (a decrypted profile, perhaps) behind.
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      // A command with its own listener for the signal shuts itself down, as `enrolment serve` does
      // when it stops its server and removes server.pid. That listener is registered with `once`,
      // so a second Ctrl-C reaches only this one and exits at once.
      if (process.listenerCount(signal) > 1) return;
      removePendingTempFiles();
      process.exit(code);
    });
  }
}
