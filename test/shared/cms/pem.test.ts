import { describe, expect, it } from 'vitest';
import { CmsError } from '../../../shared/cms/errors.ts';
import { decodeCmsArmour, decodePemBlocks } from '../../../shared/cms/pem.ts';

const DER = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05);
const BASE64 = Buffer.from(DER).toString('base64');
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('decodeCmsArmour', () => {
  it('passes DER through', () => {
    expect(decodeCmsArmour(DER)).toEqual({ der: DER, armour: 'der' });
  });

  it('decodes CMS and PKCS7 blocks', () => {
    for (const label of ['CMS', 'PKCS7']) {
      const pem = `-----BEGIN ${label}-----\r\n${BASE64}\r\n-----END ${label}-----\r\n`;
      expect(decodeCmsArmour(text(pem))).toEqual({ der: DER, armour: 'pem' });
    }
  });

  it('skips other blocks', () => {
    const pem = `-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\nnote\n-----BEGIN PKCS7-----\n${BASE64}\n-----END PKCS7-----\n`;
    expect(decodeCmsArmour(text(pem))?.der).toEqual(DER);
  });

  it('decodes bare base64', () => {
    expect(decodeCmsArmour(text(`  ${BASE64}\n`))).toEqual({ der: DER, armour: 'base64' });
  });

  it('returns null for plist text', () => {
    expect(decodeCmsArmour(text('<?xml version="1.0"?><plist/>'))).toBeNull();
    expect(decodeCmsArmour(text('QUJD'))).toBeNull();
  });

  it('returns null for white space only', () => {
    expect(decodeCmsArmour(text(''))).toBeNull();
    expect(decodeCmsArmour(text(' \t\r\n\v\f'))).toBeNull();
  });

  it('finds a CMS block after other text', () => {
    const pem = `<?xml version="1.0"?>\nSigned copy:\n-----BEGIN CMS-----\n${BASE64}\n-----END CMS-----\n`;
    expect(decodeCmsArmour(text(pem))).toEqual({ der: DER, armour: 'pem' });
  });

  it('returns null for a certificate block in a plist', () => {
    const plist = '<plist><string>-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----</string></plist>';
    expect(decodeCmsArmour(text(plist))).toBeNull();
  });

  it('decodes base64 after a no-break space', () => {
    // Byte 0xA0 is U+00A0 in latin1, which String.prototype.trim removes.
    const bytes = Uint8Array.of(0xa0, ...text(`${BASE64}\n`));
    expect(decodeCmsArmour(bytes)).toEqual({ der: DER, armour: 'base64' });
  });

  it('returns null for a dash run without BEGIN', () => {
    expect(decodeCmsArmour(text('<plist>----- ------BEGIN-----BEGI</plist>'))).toBeNull();
  });

  it('rejects corrupt PEM body', () => {
    expect(() => decodeCmsArmour(text('-----BEGIN CMS-----\n@@@@\n-----END CMS-----\n'))).toThrow(CmsError);
  });
});

describe('decodePemBlocks', () => {
  it('returns blocks in order', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${BASE64}\n-----END CERTIFICATE-----\n-----BEGIN CMS-----\n${BASE64}\n-----END CMS-----\n`;
    expect(decodePemBlocks(pem).map((block) => block.label)).toEqual(['CERTIFICATE', 'CMS']);
  });
});
