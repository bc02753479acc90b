// Detection of regular expressions that can take exponential or high polynomial time.
//
// JavaScript's regex engine backtracks. In Node 20, `^(a+)+$` tried on 26 "a" followed by "b"
// took 0.3 s, and each further "a" doubles the time. Formats in Apple's schemas are short anchored patterns,
// but a schema folder loaded from disk can contain anything, and the validator runs its
// patterns on every key. The loader rejects the shapes that backtrack without bound.

/**
 * Maximum number of repetitions without an upper bound (`*`, `+`, `{n,}`) in a pattern. With one,
 * a search tries each start and then each length, so its time grows with the square of the text.
 */
const MAX_UNBOUNDED_REPETITIONS = 1;

interface Quantifier {
  /** Characters the quantifier takes up, including a lazy `?`. */
  readonly length: number;
  readonly unbounded: boolean;
  /** True when it allows more than one repetition. */
  readonly repeats: boolean;
}

interface Group {
  /** The group contains a repetition without an upper bound. */
  unbounded: boolean;
  /** The group has a `|` at its own level. */
  alternation: boolean;
}

/**
 * Returns why matching `pattern` can take exponential or high polynomial time, or null when it
 * cannot: a repeated group that contains an unbounded repetition or an alternation, a
 * backreference, or more than one unbounded repetition.
 */
export function describeSlowPattern(pattern: string): string | null {
  const groups: Group[] = [{ unbounded: false, alternation: false }];
  let unboundedCount = 0;

  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const current = groups[groups.length - 1];

    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'it contains a backreference, which can make matching take exponential time';
      i++;
    } else if (char === '[') {
      i = endOfClass(pattern, i);
    } else if (char === '(') {
      groups.push({ unbounded: false, alternation: false });
    } else if (char === ')' && groups.length > 1) {
      const group = groups.pop() as Group;
      const quantifier = readQuantifier(pattern, i + 1);
      if (quantifier?.repeats && (group.unbounded || group.alternation)) {
        const inside = group.unbounded ? 'an unbounded repetition' : 'an alternation';
        return `a repeated group contains ${inside}, which can make matching take exponential time`;
      }
      const parent = groups[groups.length - 1];
      parent.unbounded ||= group.unbounded || quantifier?.unbounded === true;
      if (quantifier) {
        if (quantifier.unbounded) unboundedCount++;
        i += quantifier.length;
      }
    } else if (char === '|') {
      current.alternation = true;
    } else {
      const quantifier = readQuantifier(pattern, i);
      if (quantifier) {
        if (quantifier.unbounded) {
          unboundedCount++;
          current.unbounded = true;
        }
        i += quantifier.length - 1;
      }
    }

    if (unboundedCount > MAX_UNBOUNDED_REPETITIONS) {
      return 'it has more than one unbounded repetition (*, + or {n,}), and each one more multiplies the time of a failing match by the length of the text';
    }
  }
  return null;
}

/** Returns the index of the `]` that closes the character class opened at `start`. */
function endOfClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/** Reads a quantifier (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy) at `at`, or returns null. */
function readQuantifier(pattern: string, at: number): Quantifier | null {
  const char = pattern[at];
  let length: number;
  let unbounded: boolean;
  let repeats: boolean;

  if (char === '*' || char === '+') {
    length = 1;
    unbounded = true;
    repeats = true;
  } else if (char === '?') {
    length = 1;
    unbounded = false;
    repeats = false;
  } else if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
    if (!match) return null;
    length = match[0].length;
    // {n} repeats exactly n times, {n,} without a bound, {n,m} at most m times.
    let max = Number(match[1]);
    if (match[2] !== undefined) max = match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
    unbounded = max === Number.POSITIVE_INFINITY;
    repeats = max > 1;
  } else {
    return null;
  }

  if (pattern[at + length] === '?') length++;
  return { length, unbounded, repeats };
}
