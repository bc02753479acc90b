// Running one input through a target and sorting the result: accepted, rejected cleanly, or a
// finding (an error the reader must never raise).

import type { FuzzTarget } from './target.ts';

export type Outcome =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'rejected'; readonly errorName: string }
  | { readonly kind: 'finding'; readonly signature: string; readonly error: unknown };

/** Runs `input` through `target`, catching everything. */
export function runInput(target: FuzzTarget, input: Uint8Array): Outcome {
  try {
    target.execute(input);
    return { kind: 'accepted' };
  } catch (error) {
    if (target.expectedErrors.some((errorClass) => error instanceof errorClass)) {
      return { kind: 'rejected', errorName: (error as Error).name };
    }
    return { kind: 'finding', signature: findingSignature(error), error };
  }
}

// Deep readers (the ASN.1 parser recurses) push the caller that matters past V8's default of 10 frames.
Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 100);

/** Names of JavaScript's own error classes; any other name is one of the project's error classes. */
const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/**
 * Returns a short text that two inputs hitting the same bug share. The minimiser keeps a smaller
 * input only when its signature is unchanged. A JavaScript error is known by its message (numbers
 * masked) and the function that threw it. A project error that escaped its layer (an Asn1Error
 * where the caller promised IdentityError) is known by the first caller outside the throwing
 * file, because that caller forgot to wrap it, whatever the message.
 */
export function findingSignature(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown: ${typeof error}`;
  const frames = projectFrames(error);
  const top = frames[0];
  const caller = frames.find((frame) => frame.file !== top?.file);

  if (!BUILTIN_ERRORS.has(error.name)) return `${error.name} escaped to ${caller?.text ?? top?.text ?? 'unknown code'}`;
  const message = error.message.split('\n')[0].replace(/\d+/g, 'N').slice(0, 160);
  return `${error.name}: ${message} @ ${top?.text ?? 'unknown code'}`;
}

/** Returns the stack frames in the project's own code, as `function (file)` without line numbers. */
function projectFrames(error: Error): { file: string; text: string }[] {
  return (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => /at (?:(\S+) \()?(?:file:\/\/)?([^():]+):\d+:\d+\)?$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null && /\/(shared|electron|cli)\//.test(match[2]) && !match[2].includes('node_modules'))
    // The error's own constructor is not where it was thrown.
    .filter((match) => !(match[1] ?? '').startsWith('new '))
    .map((match) => {
      const file = match[2].replace(/^.*\/(shared|electron|cli)\//, '$1/');
      return { file, text: `${match[1] ?? '<anonymous>'} (${file})` };
    });
}

/** Describes an error for a report: name, message and the top of the stack. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stack = (error.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${error.name}: ${error.message}\n${stack}`;
}
