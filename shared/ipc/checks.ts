// Small runtime checkers for values that cross the IPC boundary.
//
// A checker returns null when the value fits and otherwise a short description of the first
// problem, naming the argument path (`request.text`). Descriptions never contain the value
// itself, because a rejected argument may be a secret or a whole document.

export type Checker<T> = ((value: unknown, path: string) => string | null) & {
  /** Phantom field that carries the checked type; never set at run time. */
  readonly __type?: T;
};

/** The type a checker accepts. */
export type Checked<C> = C extends Checker<infer T> ? T : never;

function checker<T>(check: (value: unknown, path: string) => string | null): Checker<T> {
  return check as Checker<T>;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A string of at most `maxLength` UTF-16 code units, optionally matching `pattern`. */
export function stringOf(maxLength: number, pattern?: RegExp): Checker<string> {
  return checker((value, path) => {
    if (typeof value !== 'string') return `${path} must be a string, got ${describeType(value)}`;
    if (value.length > maxLength) return `${path} is ${value.length} characters long, over the limit of ${maxLength}`;
    if (pattern && !pattern.test(value)) return `${path} has an invalid format`;
    return null;
  });
}

export const booleanValue: Checker<boolean> = checker((value, path) => (typeof value === 'boolean' ? null : `${path} must be a boolean, got ${describeType(value)}`));

/** A whole number from 0 to Number.MAX_SAFE_INTEGER, such as a count in a progress event. */
export const countValue: Checker<number> = checker((value, path) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? null : `${path} must be a whole number of 0 or more, got ${describeType(value)}`,
);

/** One of the listed string constants. */
export function oneOf<const T extends string>(allowed: readonly T[]): Checker<T> {
  return checker((value, path) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return null;
    return `${path} must be one of ${allowed.join(', ')}`;
  });
}

/** An array of at most `maxItems` items, each accepted by `item`. */
export function arrayOf<T>(item: Checker<T>, maxItems: number): Checker<T[]> {
  return checker((value, path) => {
    if (!Array.isArray(value)) return `${path} must be an array, got ${describeType(value)}`;
    if (value.length > maxItems) return `${path} has ${value.length} items, over the limit of ${maxItems}`;
    for (const [index, element] of value.entries()) {
      const problem = item(element, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  });
}

type Shape = Record<string, Checker<unknown>>;
type Optional<S extends Shape, O extends readonly (keyof S)[]> = {
  [K in keyof S as K extends O[number] ? never : K]: Checked<S[K]>;
} & {
  [K in keyof S as K extends O[number] ? K : never]?: Checked<S[K]>;
};

/**
 * A plain object with exactly the keys of `shape`; keys listed in `optional` may be missing.
 * Unknown keys are rejected so that a caller cannot smuggle fields past the contract.
 */
export function objectOf<S extends Shape, const O extends readonly (keyof S & string)[] = []>(shape: S, optional?: O): Checker<Optional<S, O>> {
  const optionalKeys = new Set<string>(optional ?? []);
  return checker((value, path) => {
    if (!isPlainObject(value)) return `${path} must be an object, got ${describeType(value)}`;

    for (const key of Object.keys(value)) {
      if (!(key in shape)) return `${path} has an unexpected field "${key.slice(0, 40)}"`;
    }

    for (const [key, check] of Object.entries(shape)) {
      if (!(key in value) || value[key] === undefined) {
        if (optionalKeys.has(key)) continue;
        return `${path}.${key} is missing`;
      }
      const problem = check(value[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  });
}

/** The empty request object `{}`. */
export const emptyObject: Checker<Record<string, never>> = objectOf({}) as Checker<Record<string, never>>;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
