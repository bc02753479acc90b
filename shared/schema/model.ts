// The payload schema model: what a profile's top level and each payload type may contain.
//
// The semantics follow Apple's device-management schemas (`mdm/profiles/*.yaml`): per payload a
// title, platforms and OS versions, and per key a type, presence, allowed values, range, regex,
// sub-keys and platform support. The model is plain data (no classes, no functions, no cycles)
// so that it crosses IPC as JSON and the renderer can generate forms from it.

/** Value types of a key, named as in Apple's schemas (`<dictionary>` is a plist `dict`). */
export type ValueType = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'array' | 'dictionary' | 'any';

export const VALUE_TYPES: readonly ValueType[] = ['string', 'integer', 'real', 'boolean', 'date', 'data', 'array', 'dictionary', 'any'];

/** Target platforms, spelled as Apple's schemas spell them. */
export type Platform = 'iOS' | 'macOS' | 'tvOS' | 'watchOS' | 'visionOS';

export const PLATFORMS: readonly Platform[] = ['iOS', 'macOS', 'tvOS', 'watchOS', 'visionOS'];

/** Kinds of string content the validator checks beyond a regex. */
export type ValueHint = 'uuid' | 'url' | 'hostname' | 'email' | 'domain';

export const VALUE_HINTS: readonly ValueHint[] = ['uuid', 'url', 'hostname', 'email', 'domain'];

/** Treatment of a payload or key on Shared iPad and User Enrollment devices. */
export type EnrollmentMode = 'allowed' | 'forbidden' | 'ignored' | 'required';

/** Support on one platform. Absent fields are unknown or inherited from the payload. */
export interface PlatformSupport {
  /** OS version that added support, such as `'10.13.4'`. */
  readonly introduced?: string;
  readonly deprecated?: string;
  readonly removed?: string;
  /** True where Apple lists the platform as `n/a`: never supported there. */
  readonly unavailable?: boolean;
  /** Works only on supervised devices. */
  readonly supervised?: boolean;
  /** More than one payload of this type may be installed. */
  readonly multiple?: boolean;
  /** A user may install it by opening the profile, not only through MDM. */
  readonly allowManualInstall?: boolean;
  /** macOS: the payload may be sent on the device channel. */
  readonly deviceChannel?: boolean;
  /** macOS: the payload may be sent on the user channel. */
  readonly userChannel?: boolean;
  /** Requires a device enrolled through Automated Device Enrollment. */
  readonly requiresDep?: boolean;
  /** macOS: requires user-approved MDM enrollment. */
  readonly userApprovedMdm?: boolean;
  readonly sharedIpad?: { readonly mode: EnrollmentMode; readonly deviceChannel?: boolean; readonly userChannel?: boolean };
  readonly userEnrollment?: { readonly mode: EnrollmentMode };
}

export type SupportedOS = Readonly<Partial<Record<Platform, PlatformSupport>>>;

/** A default or allowed value. Integers and reals are numbers, dates are ISO 8601 strings. */
export type SchemaScalar = string | number | boolean;

export interface NumericRange {
  readonly min?: number;
  readonly max?: number;
}

export interface KeySchema {
  /** The key in the dictionary; for an array's item schema, a name for the item. */
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly type: ValueType;
  /** Further types the key accepts besides `type`, for the few keys that take two (string or data). */
  readonly otherTypes?: readonly ValueType[];
  readonly presence: 'required' | 'optional';
  readonly default?: SchemaScalar;
  /** The allowed values (Apple's `rangelist`). A value in `rangeList` is valid even outside `range`. */
  readonly rangeList?: readonly SchemaScalar[];
  /** Inclusive bounds for integers and reals. */
  readonly range?: NumericRange;
  /** Regular expression (JavaScript syntax, no flags) a string must match. */
  readonly format?: string;
  readonly hint?: ValueHint;
  /** Arrays: the fewest and most items. */
  readonly repetition?: NumericRange;
  /** Secret (password, challenge, shared secret, private key): shown masked and worth encrypting. */
  readonly sensitive?: boolean;
  /** The string, or each string of an array, is the `PayloadUUID` of another payload in the profile. */
  readonly referencesPayload?: boolean;
  /**
   * Sibling keys that can stand in for this one: a required key counts as present when one of
   * them is, and the two must not be set together (TCC `Allowed` and `Authorization`).
   */
  readonly exclusiveWith?: readonly string[];
  /** Platform support where it differs from the payload's; platforms not listed inherit it. */
  readonly supportedOS?: SupportedOS;
  /** Dictionaries: the keys it may hold. */
  readonly subkeys?: readonly KeySchema[];
  /** Dictionaries: the schema of keys not in `subkeys`, whose names the admin chooses (Apple's `ANY`). */
  readonly anyKey?: KeySchema;
  /** Arrays: the schema of each item. */
  readonly items?: KeySchema;
  /**
   * Name of an entry in the payload's `definitions` that supplies `subkeys` (dictionaries) or
   * `items` (arrays, the definition's first entry). Used where the structure contains itself,
   * such as Home Screen folders that hold pages of icons.
   */
  readonly ref?: string;
}

/** Origin of a schema: written in this project, or read from one of Apple's YAML files. */
export type SchemaOrigin = { readonly kind: 'builtin' } | { readonly kind: 'apple-yaml'; readonly file: string };

export interface PayloadSchema {
  /**
   * Unique within a registry: the payload type, or for one of several variants of a type the
   * variant's name, such as `com.apple.extensiblesso(kerberos)`.
   */
  readonly id: string;
  /**
   * The `PayloadType` value. Two pseudo types describe profile parts rather than payloads:
   * `TopLevel` (the profile's root dictionary) and `CommonPayloadKeys` (keys every payload has).
   */
  readonly payloadType: string;
  readonly title: string;
  readonly description?: string;
  readonly supportedOS?: SupportedOS;
  /**
   * `payload`: goes in a profile's `PayloadContent`. `profile`: the root of a profile of its own
   * (`TopLevel`, `Profile Service`). `common`: keys merged into every payload.
   */
  readonly role: 'payload' | 'profile' | 'common';
  readonly keys: readonly KeySchema[];
  readonly definitions?: Readonly<Record<string, readonly KeySchema[]>>;
  readonly origin: SchemaOrigin;
}

/** Pseudo payload types for the profile's root dictionary and the keys every payload has. */
export const TOP_LEVEL_TYPE = 'TopLevel';
export const COMMON_KEYS_TYPE = 'CommonPayloadKeys';
