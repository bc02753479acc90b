// `mobileconfig diff A B [--json]`

import { diffPlists, type DiffEntry } from '../../shared/profile/diff.ts';
import { openDocument, type OpenedDocument } from '../../shared/profile/open.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';

const HELP = `Usage: mobileconfig diff A B [--json]

Compares two profiles or plists by meaning, not by text: lists the key paths added in B,
removed from A, and changed (with old and new type and value). Formats may differ (XML,
binary, signed). Payloads are matched by PayloadUUID, so reordering them is not a change.

Options:
  --json   print a JSON object { "a", "b", "identical", "changes": [...] }

Exit codes: 0 compared (identical or not), 1 a file could not be read, 2 usage error.
`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two profiles key by key',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('diff', args, { json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('diff: give exactly two files, A and B.');
    const [fileA, fileB] = positionals;

    const opened: OpenedDocument[] = [];
    for (const file of [fileA, fileB]) {
      try {
        opened.push(openDocument(await io.readFile(file), { file }));
      } catch (error) {
        io.stderr(`${describeFailure(file, error)}\n`);
        return EXIT_FILE_FAILED;
      }
    }

    const changes = diffPlists(opened[0].value, opened[1].value);
    if (values.json) {
      io.stdout(`${JSON.stringify({ a: fileA, b: fileB, identical: changes.length === 0, changes }, null, 2)}\n`);
    } else {
      io.stdout(formatChanges(fileA, fileB, changes));
    }
    return EXIT_OK;
  },
};

function formatChanges(fileA: string, fileB: string, changes: DiffEntry[]): string {
  if (changes.length === 0) return `${fileA} and ${fileB} hold the same values.\n`;
  const lines = [`--- ${fileA}`, `+++ ${fileB}`];
  for (const c of changes) {
    const path = c.path || '(root)';
    if (c.change === 'added') lines.push(`+ ${path}: ${c.newType} ${JSON.stringify(c.newValue)}`);
    else if (c.change === 'removed') lines.push(`- ${path}: ${c.oldType} ${JSON.stringify(c.oldValue)}`);
    else lines.push(`~ ${path}: ${c.oldType} ${JSON.stringify(c.oldValue)} -> ${c.newType} ${JSON.stringify(c.newValue)}`);
  }
  lines.push(`${changes.length} change${changes.length === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}
