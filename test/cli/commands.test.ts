import { describe, expect, it } from 'vitest';

import { commands } from '../../cli/commands/index.ts';

describe('command list', () => {
  it.each(commands.map((entry) => [entry.name, entry] as const))('%s loads its own command', async (name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(name);
    expect(command.summary.length).toBeGreaterThan(0);
    expect(command.help).toContain(`mobileconfig ${name}`);
  });

  it('has unique names', () => {
    const names = commands.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
