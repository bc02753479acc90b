import { describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import {
  concatSegments,
  expectSequence,
  parseAsn1,
  readBitString,
  readBoolean,
  readInteger,
  readOctetString,
  readOid,
  readString,
  readTime,
} from '../../../shared/asn1/reader.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(text.replace(/\s+/g, '').match(/../g)!.map((pair) => parseInt(pair, 16)));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const timeNode = (tag: number, text: string) => parseAsn1(new Uint8Array([tag, text.length, ...Buffer.from(text)]));

function asn1Error(run: () => unknown): Asn1Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Asn1Error) return error;
    throw error;
  }
  throw new Error('expected an Asn1Error');
}

describe('parseAsn1', () => {
  it('reads definite-length sequence', () => {
    // SEQUENCE { INTEGER 5, NULL }
    const node = parseAsn1(hex('30 05 02 01 05 05 00'));
    expect(node.tagClass).toBe('universal');
    expect(node.constructed).toBe(true);
    expect(node.tag).toBe(16);
    expect(node.headerLength).toBe(2);
    expect(node.length).toBe(5);
    expect(node.indefinite).toBe(false);
    expect(node.children).toHaveLength(2);
    expect(readInteger(node.children[0])).toBe(5n);
    expect(node.children[1].offset).toBe(5);
  });

  it('reads indefinite length', () => {
    // SEQUENCE (indefinite) { INTEGER 1 } EOC
    const node = parseAsn1(hex('30 80 02 01 01 00 00'));
    expect(node.indefinite).toBe(true);
    expect(node.length).toBe(3);
    expect(toHex(node.contents)).toBe('020101');
    expect(node.raw.length).toBe(7);
    expect(node.children).toHaveLength(1);
  });

  it('reads nested indefinite lengths', () => {
    // SEQUENCE(indef) { [0](indef) { OCTET STRING(constructed, indef) { 'ab', 'c' } } } then INTEGER 2
    const bytes = hex('30 80 a0 80 24 80 04 02 61 62 04 01 63 00 00 00 00 02 01 02 00 00');
    const node = parseAsn1(bytes);
    expect(node.raw.length).toBe(bytes.length);
    expect(node.children).toHaveLength(2);
    const tagged = node.children[0];
    expect(tagged.tagClass).toBe('context');
    expect(tagged.indefinite).toBe(true);
    const octets = tagged.children[0];
    expect(octets.constructed).toBe(true);
    expect(new TextDecoder().decode(readOctetString(octets))).toBe('abc');
    expect(readInteger(node.children[1])).toBe(2n);
  });

  it('reads long-form length', () => {
    const contents = new Uint8Array(300).fill(0x41);
    const bytes = new Uint8Array([0x04, 0x82, 0x01, 0x2c, ...contents]);
    const node = parseAsn1(bytes);
    expect(node.headerLength).toBe(4);
    expect(node.length).toBe(300);
    expect(node.contents.length).toBe(300);
  });

  it('reads long-form tag', () => {
    // [APPLICATION 200] primitive: 0x5f 0x81 0x48 (200 = 1*128 + 72)
    const node = parseAsn1(hex('5f 81 48 01 ff'));
    expect(node.tagClass).toBe('application');
    expect(node.tag).toBe(200);
    expect(node.headerLength).toBe(4);
  });

  it('rejects truncated input', () => {
    const error = asn1Error(() => parseAsn1(hex('30 05 02 01')));
    expect(error.reason).toMatch(/runs past the end/);
    expect(error.offset).toBe(0);
  });

  it('rejects truncated header', () => {
    expect(asn1Error(() => parseAsn1(hex('30'))).reason).toMatch(/ends inside the length/);
    expect(asn1Error(() => parseAsn1(hex('04 82 01'))).reason).toMatch(/long-form length/);
  });

  it('rejects length beyond input', () => {
    const error = asn1Error(() => parseAsn1(hex('04 84 7f ff ff ff 00')));
    expect(error.reason).toMatch(/length 2147483647 runs past the end/);
  });

  it('rejects child longer than parent', () => {
    // SEQUENCE length 3 containing OCTET STRING length 5
    const error = asn1Error(() => parseAsn1(hex('30 03 04 05 00 00 00 00 00'), { allowTrailing: true }));
    expect(error.offset).toBe(2);
  });

  it('rejects missing end-of-contents', () => {
    expect(asn1Error(() => parseAsn1(hex('30 80 02 01 01'))).reason).toMatch(/no end-of-contents/);
  });

  it('rejects primitive indefinite length', () => {
    expect(asn1Error(() => parseAsn1(hex('04 80 00 00'))).reason).toMatch(/primitive OCTET STRING/);
  });

  it('rejects too-deep nesting', () => {
    // 100 nested indefinite SEQUENCEs: under the default limit of 64 this must fail, not overflow the stack.
    const bytes = new Uint8Array([...Array(100).fill([0x30, 0x80]).flat(), ...Array(100).fill([0, 0]).flat()]);
    const error = asn1Error(() => parseAsn1(bytes));
    expect(error.reason).toMatch(/deeper than 64 levels/);
    expect(() => parseAsn1(bytes, { maxDepth: 100 })).not.toThrow();
  });

  it('rejects very deep nesting', () => {
    const depth = 200_000;
    const bytes = new Uint8Array(depth * 4);
    for (let i = 0; i < depth; i++) bytes.set([0x30, 0x80], i * 2);
    expect(asn1Error(() => parseAsn1(bytes)).reason).toMatch(/deeper than/);
  });

  it('rejects trailing bytes', () => {
    const error = asn1Error(() => parseAsn1(hex('05 00 ff')));
    expect(error.reason).toMatch(/1 bytes follow the NULL/);
    expect(error.offset).toBe(2);
    expect(parseAsn1(hex('05 00 ff'), { allowTrailing: true }).raw.length).toBe(2);
  });

  it('rejects empty input', () => {
    expect(asn1Error(() => parseAsn1(new Uint8Array(0))).reason).toMatch(/empty/);
  });

  it('rejects end-of-contents in definite element', () => {
    expect(asn1Error(() => parseAsn1(hex('30 02 00 00'))).reason).toMatch(/end-of-contents inside a definite/);
  });

  it('rejects reserved length octet', () => {
    expect(asn1Error(() => parseAsn1(hex('04 ff 00'))).reason).toMatch(/reserved/);
  });
});

describe('value readers', () => {
  it('readOid decodes dotted form', () => {
    // 1.2.840.113549.1.7.2 (id-signedData), as DER from X.690 rules
    expect(readOid(parseAsn1(hex('06 09 2a 86 48 86 f7 0d 01 07 02')))).toBe('1.2.840.113549.1.7.2');
    // 2.999.3: first subidentifier 2*40+999 = 1079 = 0x88 0x37
    expect(readOid(parseAsn1(hex('06 03 88 37 03')))).toBe('2.999.3');
  });

  it('readOid rejects truncated subidentifier', () => {
    expect(asn1Error(() => readOid(parseAsn1(hex('06 02 2a 86')))).reason).toMatch(/ends inside/);
  });

  it('readInteger handles sign', () => {
    expect(readInteger(parseAsn1(hex('02 01 7f')))).toBe(127n);
    expect(readInteger(parseAsn1(hex('02 02 00 80')))).toBe(128n);
    expect(readInteger(parseAsn1(hex('02 01 80')))).toBe(-128n);
    expect(readInteger(parseAsn1(hex('02 02 ff 7f')))).toBe(-129n);
  });

  it('readInteger rejects empty contents', () => {
    expect(() => readInteger(parseAsn1(hex('02 00')))).toThrow(Asn1Error);
  });

  it('readTime reads UTCTime', () => {
    const node = timeNode(0x17, '491231235959Z');
    expect(readTime(node).toISOString()).toBe('2049-12-31T23:59:59.000Z');
    const old = timeNode(0x17, '500101000000Z');
    expect(readTime(old).toISOString()).toBe('1950-01-01T00:00:00.000Z');
  });

  it('readTime reads GeneralizedTime', () => {
    const node = timeNode(0x18, '20500102030405.25Z');
    expect(readTime(node).toISOString()).toBe('2050-01-02T03:04:05.250Z');
    const offset = timeNode(0x18, '20240229120000+0130');
    expect(readTime(offset).toISOString()).toBe('2024-02-29T10:30:00.000Z');
  });

  it('readTime rejects bad dates', () => {
    expect(() => readTime(timeNode(0x17, '230230000000Z'))).toThrow(/out of range/);
    expect(() => readTime(timeNode(0x18, '20230101000000'))).toThrow(/not a valid time/);
  });

  it('readString decodes string types', () => {
    expect(readString(parseAsn1(hex('0c 03 e2 9c 93')))).toBe('✓');
    expect(readString(parseAsn1(hex('13 02 41 42')))).toBe('AB');
    expect(readString(parseAsn1(hex('14 01 e9')))).toBe('é');
    expect(readString(parseAsn1(hex('1e 04 00 e9 27 13')))).toBe('é✓');
    expect(readString(parseAsn1(hex('1c 04 00 01 f6 00')))).toBe('😀');
  });

  it('readString rejects invalid UTF-8', () => {
    expect(() => readString(parseAsn1(hex('0c 01 ff')))).toThrow(Asn1Error);
  });

  it('readBitString reads unused bits', () => {
    const bits = readBitString(parseAsn1(hex('03 02 07 80')));
    expect(bits.unusedBits).toBe(7);
    expect(toHex(bits.bytes)).toBe('80');
    expect(() => readBitString(parseAsn1(hex('03 01 03')))).toThrow(Asn1Error);
  });

  it('readBoolean reads BER true', () => {
    expect(readBoolean(parseAsn1(hex('01 01 01')))).toBe(true);
    expect(readBoolean(parseAsn1(hex('01 01 00')))).toBe(false);
  });

  it('concatSegments rejects wrong segment type', () => {
    const node = parseAsn1(hex('24 03 02 01 00'));
    expect(() => concatSegments(node, 4, 'content')).toThrow(/content segment/);
  });

  it('expectSequence names structure', () => {
    const error = asn1Error(() => expectSequence(parseAsn1(hex('31 00')), 'SignedData'));
    expect(error.structure).toBe('SignedData');
    expect(error.expected).toBe('SEQUENCE');
    expect(error.message).toBe('SignedData: found SET (expected SEQUENCE) at byte 0');
  });
});

describe('parseAsn1 on random input', () => {
  it('raises only Asn1Error', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          parseAsn1(bytes);
        } catch (error) {
          if (!(error instanceof Asn1Error)) throw error;
        }
      }),
      { numRuns: 5000 },
    );
  });
});
