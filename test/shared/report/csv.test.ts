import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../shared/report/csv.ts';
import { needTools } from '../../support/environment.ts';

describe('formatCsv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(formatCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('defuses formula cells', () => {
    expect(formatCsv(['name'], [['=HYPERLINK("x")'], ['-1'], ['@cmd']])).toBe('name\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n\'@cmd\r\n');
  });

  it('writes numbers and booleans as they are', () => {
    expect(formatCsv(['n', 'b', 'empty'], [[-1, true, null]])).toBe('n,b,empty\r\n-1,true,\r\n');
  });

  const tools = needTools('python3');
  it.skipIf(tools.skip)('reads back in Python csv' + tools.reason, () => {
    const text = formatCsv(['k', 'v'], [['a,b', 'q"q'], ['multi\nline', 'é ✓']]);
    const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], { input: text, encoding: 'utf8' }));
    expect(rows).toEqual([['k', 'v'], ['a,b', 'q"q'], ['multi\nline', 'é ✓']]);
  });
});
