// In-process measurements of this project's library calls, run in a child process of the
// harness so that each measurement starts from a fresh heap and its peak memory is its own.
//
// Usage: node dist/bench/probe.js OPERATION ARGS... WARMUP ITERATIONS
// Prints one JSON object: { "<metric>": [ms per iteration, ...], ... }. Input files are read
// and identities imported before the clock starts; only the named call is timed.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Metrics = Record<string, number[]>;

/** Times `body` `iterations` times after `warmup` untimed calls; `body` returns the metrics of one call. */
function loop(warmup: number, iterations: number, body: () => Record<string, number>): Metrics {
  for (let i = 0; i < warmup; i++) body();
  const metrics: Metrics = {};
  for (let i = 0; i < iterations; i++) {
    for (const [name, ms] of Object.entries(body())) (metrics[name] ??= []).push(ms);
  }
  return metrics;
}

/** Returns the milliseconds `work` takes and its result. */
function clock<T>(work: () => T): [number, T] {
  const started = performance.now();
  const result = work();
  return [performance.now() - started, result];
}

async function plistRoundTrip(file: string, format: string, warmup: number, iterations: number): Promise<Metrics> {
  const { readPlist, writePlist } = await import('../shared/plist/index.ts');
  if (format !== 'xml' && format !== 'binary') throw new Error(`format ${format} is neither xml nor binary`);
  const bytes = new Uint8Array(readFileSync(file));
  return loop(warmup, iterations, () => {
    const [parse, read] = clock(() => readPlist(bytes, { file }));
    const [write] = clock(() => writePlist(read.value, format));
    return { parse, write };
  });
}

async function signContent(file: string, certFile: string, keyFile: string, warmup: number, iterations: number): Promise<Metrics> {
  const { sign } = await import('../electron/services/cms/index.ts');
  const { importIdentityFromFiles } = await import('../electron/services/identity/index.ts');
  const identity = await importIdentityFromFiles({ cert: certFile, key: keyFile }, {});
  const content = new Uint8Array(readFileSync(file));
  return loop(warmup, iterations, () => ({ sign: clock(() => sign(content, identity, { digest: 'sha256' }))[0] }));
}

async function verifySigned(file: string, rootFile: string, warmup: number, iterations: number): Promise<Metrics> {
  const { verify } = await import('../electron/services/cms/index.ts');
  const { loadCertificates } = await import('../electron/services/identity/index.ts');
  const anchors = loadCertificates(new Uint8Array(readFileSync(rootFile)), rootFile);
  const bytes = new Uint8Array(readFileSync(file));
  return loop(warmup, iterations, () => {
    const [ms, result] = clock(() => verify(bytes, { anchors }));
    if (result.status !== 'valid') throw new Error(`${file} did not verify: ${result.message}`);
    return { verify: ms };
  });
}

/** Encrypts the profile once per certificate in `deviceDir`, reading the profile and the certificates inside the clock, as the CLI does. */
async function encryptBatch(file: string, deviceDir: string, warmup: number, iterations: number): Promise<Metrics> {
  const { prepareProfileEncryption } = await import('../electron/services/cms/index.ts');
  const { loadCertificates } = await import('../electron/services/identity/index.ts');
  const profile = new Uint8Array(readFileSync(file));
  const names = readdirSync(deviceDir).filter((name) => name.endsWith('.pem')).sort();
  return loop(warmup, iterations, () => {
    const [batch] = clock(() => {
      const encryptor = prepareProfileEncryption(profile, { file });
      for (const name of names) {
        const certFile = path.join(deviceDir, name);
        for (const der of loadCertificates(new Uint8Array(readFileSync(certFile)), certFile)) encryptor.encryptFor([der]);
      }
    });
    return { batch };
  });
}

async function validateFile(file: string, warmup: number, iterations: number): Promise<Metrics> {
  const { readPlist } = await import('../shared/plist/index.ts');
  const { validateProfile } = await import('../shared/validation/index.ts');
  const { value } = readPlist(new Uint8Array(readFileSync(file)), { file });
  return loop(warmup, iterations, () => {
    const [ms, diagnostics] = clock(() => validateProfile(value));
    return { validate: ms, diagnostics: diagnostics.length };
  });
}

async function main(argv: string[]): Promise<void> {
  const [operation, ...rest] = argv;
  const counts = rest.splice(-2).map(Number);
  const [warmup, iterations] = counts;
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('the last two arguments must be the warm-up and iteration counts');

  let metrics: Metrics;
  switch (operation) {
    case 'plist':
      metrics = await plistRoundTrip(rest[0], rest[1], warmup, iterations);
      break;
    case 'sign':
      metrics = await signContent(rest[0], rest[1], rest[2], warmup, iterations);
      break;
    case 'verify':
      metrics = await verifySigned(rest[0], rest[1], warmup, iterations);
      break;
    case 'encrypt':
      metrics = await encryptBatch(rest[0], rest[1], warmup, iterations);
      break;
    case 'validate':
      metrics = await validateFile(rest[0], warmup, iterations);
      break;
    default:
      throw new Error(`unknown operation ${operation ?? '(none)'}; use plist, sign, verify, encrypt or validate`);
  }
  process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
