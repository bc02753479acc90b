import { describe, expect, it } from 'vitest';
import { OID_AT_COMMON_NAME, OID_AT_ORGANIZATION } from '../../../shared/asn1/oids.ts';
import { parseAsn1 } from '../../../shared/asn1/reader.ts';
import { derInteger, derOid, derSequence, derSet, derUtf8String } from '../../../shared/asn1/writer.ts';
import { nameAttributeValue, parseName } from '../../../shared/x509/name.ts';

const attribute = (oid: string, value: Uint8Array): Uint8Array => derSet(derSequence(derOid(oid), value));

describe('parseName', () => {
  it('escapes RFC 4514 specials', () => {
    const name = parseName(parseAsn1(derSequence(attribute(OID_AT_COMMON_NAME, derUtf8String('#a,b+c"d\\e<f>g;h ')))), 'Name');
    expect(name.display).toBe('CN=\\#a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\ ');
  });

  it('prints unknown type as hex', () => {
    // RFC 4514 section 2.4: an attribute without a short name prints as <dotted OID>=#<hex of the BER value>.
    const name = parseName(parseAsn1(derSequence(attribute('1.2.3.4', derUtf8String('ab')))), 'Name');
    expect(name.display).toBe('1.2.3.4=#0c026162');
  });

  it('prints non-string value as hex', () => {
    const name = parseName(parseAsn1(derSequence(attribute(OID_AT_COMMON_NAME, derInteger(5n)))), 'Name');
    expect(name.display).toBe('CN=#020105');
  });

  it('finds most specific attribute', () => {
    const name = parseName(
      parseAsn1(derSequence(attribute(OID_AT_ORGANIZATION, derUtf8String('Org')), attribute(OID_AT_COMMON_NAME, derUtf8String('First')), attribute(OID_AT_COMMON_NAME, derUtf8String('Last')))),
      'Name',
    );
    expect(nameAttributeValue(name, OID_AT_COMMON_NAME)).toBe('Last');
    expect(name.display).toBe('CN=Last,CN=First,O=Org');
  });

  it('rejects empty RDN', () => {
    expect(() => parseName(parseAsn1(derSequence(derSet())), 'Certificate.subject')).toThrow(/Certificate.subject\[0\]: relative distinguished name is empty/);
  });
});
