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
