// `npm run bench`: generate the inputs, run every case group, check the targets, and write
// bench/results.json and the generated section of docs/benchmarks.md.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { convertCase } from './cases/convert.ts';
import { signCase, verifyCase } from './cases/cms.ts';
import { editorCase } from './cases/editor.ts';
import { encryptCase } from './cases/encrypt.ts';
import { inspectCase } from './cases/inspect.ts';
import { plistCase } from './cases/plist.ts';
import { startupCase } from './cases/startup.ts';
import { validateCase } from './cases/validate.ts';
import { probePath, projectRoot, type BenchCase, type BenchTools, type CaseContext } from './context.ts';
import { prepareInputs } from './inputs/index.ts';
import { describeMachine, loadAverage, resolvePython } from './machine.ts';
import { BenchUsageError, HELP, isGroupSelected, parseBenchOptions, type BenchOptions } from './options.ts';
import { renderConsoleSummary, writeResultsSection } from './report/markdown.ts';
import type { BenchReport, BenchResult } from './report/results.ts';
import { checkTarget } from './targets.ts';

const CASES: readonly BenchCase[] = [plistCase, convertCase, startupCase, signCase, verifyCase, encryptCase, validateCase, inspectCase, editorCase];

export interface BenchOutputs {
  readonly resultsFile: string;
  readonly docsFile: string;
}

export const DEFAULT_OUTPUTS: BenchOutputs = {
  resultsFile: path.join(projectRoot, 'bench', 'results.json'),
  docsFile: path.join(projectRoot, 'docs', 'benchmarks.md'),
};

/** Runs the benchmark and returns its report; writes the result files when `outputs` is given. */
export async function runBench(options: BenchOptions, outputs: BenchOutputs | null, log: (line: string) => void): Promise<BenchReport> {
  const date = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  if (!existsSync(probePath)) throw new Error(`${probePath} is missing; build first with npm run build:node (npm run bench does)`);

  const tools: BenchTools = { python: resolvePython(), openssl: commandRuns('openssl', ['version']), plistutil: commandRuns('plistutil', ['--version']) };
  const machine = describeMachine(tools.python);
  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), 'mobileconfig-bench-'));
  mkdirSync(workDir, { recursive: true });
  log(`inputs in ${workDir}; load average ${loadAverageAtStart.oneMinute}`);

  try {
    // Inputs first, then each group in turn; a group that fails is reported as a gap, not a crash.
    const inputs = await prepareInputs(workDir, options, log);
    const scratch = path.join(workDir, 'scratch');
    mkdirSync(scratch, { recursive: true });
    const context: CaseContext = { inputs, options, tools, scratch, log };

    const rows: BenchResult[] = [];
    const gaps: string[] = [];
    for (const benchCase of CASES) {
      if (!isGroupSelected(benchCase.group, options.only)) continue;
      try {
        for (const row of await benchCase.run(context)) {
          rows.push(row);
          if (row.ours === null) gaps.push(`${row.title}: ${row.note}`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${benchCase.group}: failed: ${message}`);
        gaps.push(`the ${benchCase.group} group failed: ${message}`);
      }
    }

    // Targets last, because a verdict may draw on other rows (the start-up floor).
    const results = rows.map((row) => {
      const target = checkTarget(row, rows);
      return target ? { ...row, target } : row;
    });

    const report: BenchReport = {
      date,
      machine,
      loadAverageAtStart,
      loadAverageAtEnd: loadAverage(),
      options: { quick: options.quick, runs: options.runs, batchRuns: options.batchRuns, only: options.only },
      results,
      gaps,
    };
    if (outputs) {
      writeFileSync(outputs.resultsFile, `${JSON.stringify(report, null, 2)}\n`);
      writeResultsSection(outputs.docsFile, report);
      log(`wrote ${outputs.resultsFile} and ${outputs.docsFile}`);
    }
    return report;
  } finally {
    if (options.workDir === undefined && !options.keep) rmSync(workDir, { recursive: true, force: true });
    else log(`inputs kept in ${workDir}`);
  }
}

function commandRuns(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    // Missing or broken: the groups that need it report the gap.
    return false;
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  if (options === null) {
    process.stdout.write(HELP);
    return 0;
  }

  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const report = await runBench(options, options.write ? DEFAULT_OUTPUTS : null, log);
  process.stdout.write(`${renderConsoleSummary(report)}\n`);
  return report.gaps.length > 0 && report.results.every((row) => row.ours === null) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
