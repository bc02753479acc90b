// Independent plist readers for tests: Python's plistlib and libplist's plistutil.
//
// Both sides of a comparison are turned into the same canonical JSON, with each value
// tagged by its plist type so that an integer never equals a real and a string never
// equals data:
//   {"string": "text"}   {"int": "123"} (decimal, any size)   {"bool": true}
//   {"real": 1.5}, or {"real": "nan" | "inf" | "-inf"} (JSON has no such numbers)
//   {"date": "2014-02-23T09:21:06Z"}, with ".ffffffZ" microseconds only when not zero
//   {"data": "<base64>"}   {"uid": "5"}
//   {"array": [...]}      {"dict": [["key", value], ...]} (pairs keep document order)
// Tests need python3 (and plistutil for plistutilConvert): guard them with needTools().

import { execFileSync } from 'node:child_process';

import { assertNever, type PlistValue } from '../../shared/plist/model.ts';

/** A tagged value as described at the top of this file. */
export type CanonicalPlist =
  | { readonly string: string }
  | { readonly int: string }
  | { readonly real: number | 'nan' | 'inf' | '-inf' }
  | { readonly bool: boolean }
  | { readonly date: string }
  | { readonly data: string }
  | { readonly uid: string }
  | { readonly array: readonly CanonicalPlist[] }
  | { readonly dict: readonly (readonly [string, CanonicalPlist])[] };

/** Error for a document that plistlib rejected. `pythonError` is the exception as `Type: message`. */
export class PlistlibRejection extends Error {
  override readonly name = 'PlistlibRejection';

  constructor(readonly pythonError: string) {
    super(`Python plistlib rejected the document: ${pythonError}`);
  }
}

/** Result of one document in a batch: the canonical value, or plistlib's error. */
export type PlistlibOutcome = { readonly ok: true; readonly value: CanonicalPlist } | { readonly ok: false; readonly error: string };

// The Python half. It reads a JSON request on stdin and writes a JSON reply on stdout.
// Request {"op": "canonical", "docs": [base64...]} returns one outcome per document, and
// {"op": "dumps", "fmt": "xml"|"binary", "values": [canonical...]} returns {"docs": [base64...]}.
const PYTHON_ORACLE = String.raw`
import base64, datetime, json, math, plistlib, sys

def fmt_date(d):
    if d.tzinfo is not None:
        d = d.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    text = '%04d-%02d-%02dT%02d:%02d:%02d' % (d.year, d.month, d.day, d.hour, d.minute, d.second)
    if d.microsecond:
        text += '.%06d' % d.microsecond
    return text + 'Z'

def tag(v):
    # bool first: True is also an int in Python.
    if isinstance(v, bool):
        return {'bool': v}
    if isinstance(v, plistlib.UID):
        return {'uid': str(v.data)}
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {'real': 'nan'}
        if math.isinf(v):
            return {'real': 'inf' if v > 0 else '-inf'}
        return {'real': v}
    if isinstance(v, str):
        return {'string': v}
    if isinstance(v, (bytes, bytearray)):
        return {'data': base64.b64encode(bytes(v)).decode('ascii')}
    if isinstance(v, datetime.datetime):
        return {'date': fmt_date(v)}
    if isinstance(v, list):
        return {'array': [tag(x) for x in v]}
    if isinstance(v, dict):
        return {'dict': [[k, tag(x)] for k, x in v.items()]}
    raise TypeError('plistlib returned an unexpected type: %r' % type(v))

def untag(c):
    (kind, v), = c.items()
    if kind == 'string':
        return v
    if kind == 'int':
        return int(v)
    if kind == 'real':
        return float(v)
    if kind == 'bool':
        return v
    if kind == 'date':
        whole, _, frac = v.rstrip('Z').partition('.')
        d = datetime.datetime.strptime(whole, '%Y-%m-%dT%H:%M:%S')
        return d.replace(microsecond=int(frac) if frac else 0)
    if kind == 'data':
        return base64.b64decode(v)
    if kind == 'uid':
        return plistlib.UID(int(v))
    if kind == 'array':
        return [untag(x) for x in v]
    if kind == 'dict':
        return {k: untag(x) for k, x in v}
    raise ValueError('unknown tag %r' % kind)

request = json.load(sys.stdin)
if request['op'] == 'canonical':
    outcomes = []
    for doc in request['docs']:
        try:
            outcomes.append({'ok': True, 'value': tag(plistlib.loads(base64.b64decode(doc)))})
        except Exception as e:
            outcomes.append({'ok': False, 'error': '%s: %s' % (type(e).__name__, e)})
    json.dump(outcomes, sys.stdout)
elif request['op'] == 'dumps':
    fmt = plistlib.FMT_BINARY if request['fmt'] == 'binary' else plistlib.FMT_XML
    docs = [plistlib.dumps(untag(v), fmt=fmt, sort_keys=False) for v in request['values']]
    json.dump({'docs': [base64.b64encode(d).decode('ascii') for d in docs]}, sys.stdout)
else:
    raise ValueError('unknown op %r' % request['op'])
`;

function runPython(request: unknown): unknown {
  const stdout = execFileSync('python3', ['-c', PYTHON_ORACLE], {
    input: JSON.stringify(request),
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

/** Reads each document with plistlib in one python3 run and returns its canonical JSON or plistlib's error. */
export function plistlibCanonicalMany(docs: readonly Uint8Array[]): PlistlibOutcome[] {
  const request = { op: 'canonical', docs: docs.map((d) => Buffer.from(d).toString('base64')) };
  return runPython(request) as PlistlibOutcome[];
}

/** Reads `bytes` (XML or binary) with plistlib and returns its canonical JSON. Throws PlistlibRejection when plistlib fails. */
export function plistlibCanonical(bytes: Uint8Array): CanonicalPlist {
  const [outcome] = plistlibCanonicalMany([bytes]);
  if (!outcome.ok) throw new PlistlibRejection(outcome.error);
  return outcome.value;
}

/** Writes a canonical value with plistlib.dumps (keys in the given order) and returns the file's bytes. */
export function plistlibDumps(value: CanonicalPlist, format: 'xml' | 'binary'): Buffer {
  return plistlibDumpsMany([value], format)[0];
}

/** Writes each canonical value with plistlib.dumps in one python3 run and returns the files' bytes. */
export function plistlibDumpsMany(values: readonly CanonicalPlist[], format: 'xml' | 'binary'): Buffer[] {
  const reply = runPython({ op: 'dumps', fmt: format, values: values.map(keepNegativeZero) }) as { docs: string[] };
  return reply.docs.map((doc) => Buffer.from(doc, 'base64'));
}

/** Returns `value` with each -0 real spelled "-0.0", because JSON.stringify writes -0 as 0 (Python's float() reads the string). */
function keepNegativeZero(value: CanonicalPlist): unknown {
  if ('real' in value) return Object.is(value.real, -0) ? { real: '-0.0' } : value;
  if ('array' in value) return { array: value.array.map(keepNegativeZero) };
  if ('dict' in value) return { dict: value.dict.map(([key, item]) => [key, keepNegativeZero(item)]) };
  return value;
}

/** Converts a plist (either format) with libplist's plistutil to XML or binary (`bin`). */
export function plistutilConvert(bytes: Uint8Array, format: 'xml' | 'bin'): Buffer {
  return execFileSync('plistutil', ['-i', '-', '-o', '-', '-f', format], { input: bytes, maxBuffer: 1024 * 1024 * 1024 });
}

/** Returns the canonical JSON of one of our values, tagged exactly as the Python half tags plistlib's. */
export function modelCanonical(value: PlistValue): CanonicalPlist {
  switch (value.kind) {
    case 'string':
      return { string: value.value };
    case 'integer':
      return { int: value.value.toString() };
    case 'real':
      return { real: canonicalReal(value.value) };
    case 'boolean':
      return { bool: value.value };
    case 'date':
      return { date: canonicalDate(value.value) };
    case 'data':
      return { data: Buffer.from(value.value).toString('base64') };
    case 'uid':
      return { uid: value.value.toString() };
    case 'array':
      return { array: value.items.map(modelCanonical) };
    case 'dict':
      return { dict: value.entries.map((e) => [e.key, modelCanonical(e.value)] as const) };
    default:
      return assertNever(value);
  }
}

function canonicalReal(n: number): number | 'nan' | 'inf' | '-inf' {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return n;
}

// Python keeps microseconds, so round the model's milliseconds to whole microseconds first.
function canonicalDate(ms: number): string {
  const totalMicros = Math.round(ms * 1000);
  const seconds = Math.floor(totalMicros / 1_000_000);
  const micros = totalMicros - seconds * 1_000_000;
  const whole = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === 0 ? `${whole}Z` : `${whole}.${String(micros).padStart(6, '0')}Z`;
}
