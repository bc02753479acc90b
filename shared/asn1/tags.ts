// Universal tag numbers (X.690 / X.680) and names for messages.

export type Asn1TagClass = 'universal' | 'application' | 'context' | 'private';

export const TAG_END_OF_CONTENTS = 0;
export const TAG_BOOLEAN = 1;
export const TAG_INTEGER = 2;
export const TAG_BIT_STRING = 3;
export const TAG_OCTET_STRING = 4;
export const TAG_NULL = 5;
export const TAG_OID = 6;
export const TAG_ENUMERATED = 10;
export const TAG_UTF8_STRING = 12;
export const TAG_SEQUENCE = 16;
export const TAG_SET = 17;
export const TAG_NUMERIC_STRING = 18;
export const TAG_PRINTABLE_STRING = 19;
export const TAG_T61_STRING = 20;
export const TAG_IA5_STRING = 22;
export const TAG_UTC_TIME = 23;
export const TAG_GENERALIZED_TIME = 24;
export const TAG_VISIBLE_STRING = 26;
export const TAG_UNIVERSAL_STRING = 28;
export const TAG_BMP_STRING = 30;

const UNIVERSAL_NAMES: Readonly<Record<number, string>> = {
  [TAG_END_OF_CONTENTS]: 'end-of-contents',
  [TAG_BOOLEAN]: 'BOOLEAN',
  [TAG_INTEGER]: 'INTEGER',
  [TAG_BIT_STRING]: 'BIT STRING',
  [TAG_OCTET_STRING]: 'OCTET STRING',
  [TAG_NULL]: 'NULL',
  [TAG_OID]: 'OBJECT IDENTIFIER',
  [TAG_ENUMERATED]: 'ENUMERATED',
  [TAG_UTF8_STRING]: 'UTF8String',
  [TAG_SEQUENCE]: 'SEQUENCE',
  [TAG_SET]: 'SET',
  [TAG_NUMERIC_STRING]: 'NumericString',
  [TAG_PRINTABLE_STRING]: 'PrintableString',
  [TAG_T61_STRING]: 'TeletexString',
  [TAG_IA5_STRING]: 'IA5String',
  [TAG_UTC_TIME]: 'UTCTime',
  [TAG_GENERALIZED_TIME]: 'GeneralizedTime',
  [TAG_VISIBLE_STRING]: 'VisibleString',
  [TAG_UNIVERSAL_STRING]: 'UniversalString',
  [TAG_BMP_STRING]: 'BMPString',
};

/** Names a tag the way messages print it: `SEQUENCE`, `[0]`, `[APPLICATION 3]`, `[UNIVERSAL 99]`. */
export function tagName(tagClass: Asn1TagClass, tag: number): string {
  switch (tagClass) {
    case 'universal':
      return UNIVERSAL_NAMES[tag] ?? `[UNIVERSAL ${tag}]`;
    case 'context':
      return `[${tag}]`;
    case 'application':
      return `[APPLICATION ${tag}]`;
    case 'private':
      return `[PRIVATE ${tag}]`;
    default:
      return assertNeverTagClass(tagClass);
  }
}

function assertNeverTagClass(value: never): never {
  throw new Error(`Unexpected ASN.1 tag class: ${String(value)}`);
}
