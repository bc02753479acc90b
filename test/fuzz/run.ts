// `npm run fuzz -- --target NAME --runs N [--seed S]`: long fuzz runs, with any failing input
// minimised into test/fuzz/regressions/TARGET/SHA1.bin, which `npm test` then replays.
//
// Each target runs in a worker thread under a watchdog. An input that runs longer than
// --timeout, or makes the worker run out of heap, is saved as it is (a hang cannot be minimised
// in reasonable time), and the worker restarts after it.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

import { makeInput, mutationSource } from './engine/campaign.ts';
import { projectRoot, setCorpusEnabled, writeRegression } from './engine/files.ts';
import { FUZZ_TARGETS, findTarget } from './targets/index.ts';
import type { WorkerReport, WorkerRequest } from './worker.ts';

const HELP = `Usage: npm run fuzz -- [--target NAME]... [--runs N] [--seed S] [--timeout MS] [--heap MB] [--no-corpus] [--list]

Mutation-fuzzes the readers and writes each failing input, minimised, to
test/fuzz/regressions/TARGET/SHA1.bin. Exit code 0 when nothing was found, 1 otherwise.

Options:
  --target NAME   a target from --list; repeatable; default all targets
  --runs N        mutated inputs per target (default 10000)
  --seed S        32-bit run seed; the same seed makes the same inputs (default: from the clock, printed)
  --timeout MS    time one input may take before it counts as a hang (default 10000)
  --heap MB       heap of each worker; running out counts as a finding (default 512)
  --no-corpus     seed from the project's fixtures only, without the shared corpus
  --list          list the targets and exit
`;

interface RunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly timeoutMs: number;
  readonly heapMb: number;
  readonly corpus: boolean;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: 'string', multiple: true },
      runs: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      heap: { type: 'string' },
      'no-corpus': { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.list) {
    for (const target of FUZZ_TARGETS) process.stdout.write(`${target.name.padEnd(14)} ${target.description}\n`);
    return 0;
  }

  const names = values.target ?? FUZZ_TARGETS.map((target) => target.name);
  const unknown = names.filter((name) => findTarget(name) === undefined);
  if (unknown.length > 0) throw new Error(`unknown target ${unknown.join(', ')}; run with --list for the targets`);

  const options: RunOptions = {
    seed: values.seed !== undefined ? positiveInteger(values.seed, '--seed') >>> 0 : Date.now() >>> 0,
    runs: values.runs !== undefined ? positiveInteger(values.runs, '--runs') : 10_000,
    timeoutMs: values.timeout !== undefined ? positiveInteger(values.timeout, '--timeout') : 10_000,
    heapMb: values.heap !== undefined ? positiveInteger(values.heap, '--heap') : 512,
    corpus: !values['no-corpus'],
  };
  setCorpusEnabled(options.corpus);
  process.stdout.write(`fuzz: seed ${options.seed}, ${options.runs} runs per target, timeout ${options.timeoutMs} ms, corpus ${options.corpus ? 'on' : 'off'}\n`);

  let findings = 0;
  for (const name of names) findings += await fuzzTarget(name, options);
  process.stdout.write(findings === 0 ? 'fuzz: no findings\n' : `fuzz: ${findings} finding(s); the inputs are in test/fuzz/regressions/\n`);
  return findings === 0 ? 0 : 1;
}

/** Runs one target to the end, restarting its worker after a hang or a crash. Returns the number of findings. */
async function fuzzTarget(name: string, options: RunOptions): Promise<number> {
  const started = Date.now();
  const end = options.runs;
  let next = 0;
  let includeSeeds = true;
  let findings = 0;
  let executions = 0;

  while (next < end) {
    const result = await runWorker({ target: name, seed: options.seed, firstIndex: next, runs: end - next, includeSeeds, corpus: options.corpus }, options);
    includeSeeds = false;
    executions += result.executions;
    findings += result.findings;
    if (result.stuckAt === null) break;

    // Rebuild the input that hung or crashed the worker from its index, save it, and go on after it.
    const target = findTarget(name);
    if (target === undefined) throw new Error(`unknown target ${name}`);
    const input = result.stuckAt < 0 ? mutationSource(target).seeds[-1 - result.stuckAt] : makeInput(mutationSource(target), options.seed, result.stuckAt);
    const file = writeRegression(name, input);
    process.stdout.write(`  ${name}: input ${result.stuckAt} ${result.reason}; saved ${path.relative(projectRoot, file)}\n`);
    findings++;
    next = Math.max(result.stuckAt + 1, 0);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${name}: ${executions} executions in ${seconds} s, ${findings} finding(s)\n`);
  return findings;
}

interface WorkerResult {
  readonly executions: number;
  readonly findings: number;
  /** Index of the input that hung or crashed the worker, or null when the worker finished. */
  readonly stuckAt: number | null;
  readonly reason: string;
}

function runWorker(request: WorkerRequest, options: RunOptions): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // The worker writes the index of the input it is running into shared memory, so that the
    // watchdog knows it even when the worker is stuck in a synchronous loop.
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { ...request, progress },
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
    let findings = 0;
    let executions = 0;
    let settled = false;
    let lastTick = -1;
    let lastChange = Date.now();

    const finish = (result: WorkerResult): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      resolve(result);
    };

    const watchdog = setInterval(() => {
      const tick = Atomics.load(progress, 1);
      if (tick !== lastTick) {
        lastTick = tick;
        lastChange = Date.now();
        return;
      }
      if (Date.now() - lastChange < options.timeoutMs) return;
      const stuckAt = Atomics.load(progress, 0);
      void worker.terminate();
      finish({ executions: executions + tick, findings, stuckAt, reason: `ran longer than ${options.timeoutMs} ms (hang)` });
    }, 250);

    worker.on('message', (report: WorkerReport) => {
      if (report.type === 'finding') {
        findings++;
        const file = writeRegression(request.target, report.input);
        process.stdout.write(`  ${request.target}: input ${report.index}: ${report.signature}\n    saved ${path.relative(projectRoot, file)} (${report.input.length} bytes)\n`);
      } else {
        executions = report.executions;
        finish({ executions, findings, stuckAt: null, reason: '' });
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const stuckAt = Atomics.load(progress, 0);
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of the ${options.heapMb} MB heap` : `crashed the worker (${error.message})`;
      finish({ executions: executions + Atomics.load(progress, 1), findings, stuckAt, reason });
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`fuzz worker for ${request.target} exited with code ${code} before it reported`));
    });
  });
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${option} must be a whole number, not '${text}'`);
  return value;
}

// process.exit, not exitCode: a worker stopped during a hang inside native code (OpenSSL's
// key derivation) cannot be terminated and would keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
