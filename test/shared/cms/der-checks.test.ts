import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseSignedDataContentInfo } from '../../../shared/cms/signed-data.ts';
import { derLeaf, type DerTree, encodeDerTree, parseDerTree, signedDataFields } from '../../support/der-tree.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';

const tools = needTools('openssl');
const CONTENT = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadDisplayName</key><string>Strict</string></dict></plist>\n');

const integer = (octets: number[]): DerTree => derLeaf(2, octets);
const signedDataOf = signedDataFields;
/** The fields of the first SignerInfo; the signed file has [0] certificates, so signerInfos is field 4. */
const signerInfoOf = (contentInfo: DerTree): DerTree[] => signedDataOf(contentInfo)[4].children[0].children;

/** Each case changes a field that no signature covers; OpenSSL 3 rejects every one of them. */
const CASES: [string, (contentInfo: DerTree) => void, RegExp][] = [
  ['SignedData version ENUMERATED', (t) => void (signedDataOf(t)[0].tag = 10), /SignedData\.version: found ENUMERATED/],
  ['SignedData version padded', (t) => void (signedDataOf(t)[0] = integer([0x00, 0x01])), /SignedData\.version: INTEGER has a redundant leading octet/],
  ['SignerInfo version ENUMERATED', (t) => void (signerInfoOf(t)[0].tag = 10), /signerInfos\[0\]\.version: found ENUMERATED/],
  ['serial number ENUMERATED', (t) => void (signerInfoOf(t)[1].children[1].tag = 10), /sid\.serialNumber: found ENUMERATED/],
  ['serial number padded', (t) => void (signerInfoOf(t)[1].children[1] = integer([0x00, ...signerInfoOf(t)[1].children[1].contents])), /sid\.serialNumber: INTEGER has a redundant leading octet/],
  ['digest NULL with content', (t) => void signedDataOf(t)[1].children[0].children.push(derLeaf(5, [0])), /digestAlgorithms\[0\]\.parameters: NULL has 1 content octet \(/],
  ['signature BOOLEAN empty', (t) => void (signerInfoOf(t)[4].children[1] = derLeaf(1, [])), /signatureAlgorithm\.parameters: BOOLEAN has 0 content octets/],
  ['signature NULL constructed', (t) => void (signerInfoOf(t)[4].children[1] = { ...derLeaf(5, []), constructed: true }), /signatureAlgorithm\.parameters: NULL is constructed/],
  ['SignerInfo extra field', (t) => void signerInfoOf(t).push(integer([1])), /signerInfos\[0\]: unexpected INTEGER after the last field/],
  ['SignerInfo [2] field', (t) => void signerInfoOf(t).push({ ...derLeaf(2, []), tagClass: 'context', constructed: true }), /signerInfos\[0\]: unexpected \[2\] after the last field/],
  ['SignedData extra field', (t) => void signedDataOf(t).push(integer([1])), /SignedData: unexpected INTEGER after the last field/],
  ['encapContentInfo extra field', (t) => void signedDataOf(t)[2].children.push(integer([1])), /EncapsulatedContentInfo: unexpected INTEGER/],
  ['certificate set INTEGER', (t) => void signedDataOf(t)[3].children.push(integer([1])), /SignedData\.certificates\[2\]: found INTEGER/],
  ['ContentInfo extra field', (t) => void t.children.push(integer([1])), /ContentInfo: unexpected INTEGER after the last field/],
];

describe.skipIf(tools.skip)('strict SignedData fields' + tools.reason, () => {
  let pki: Pki;
  let original: DerTree;

  beforeAll(() => {
    pki = makePki();
    pki.write('content.xml', CONTENT);
    const der = pki.openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', 'content.xml', '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath]);
    original = parseDerTree(new Uint8Array(der));
  });
  afterAll(() => pki?.cleanup());

  /** Runs `openssl cms -verify` without the chain check, so that only the parse can fail. */
  const opensslAccepts = (der: Uint8Array): boolean => {
    const file = path.join(pki.dir, 'mutated.der');
    writeFileSync(file, der);
    return spawnSync('openssl', ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', file, '-out', '/dev/null']).status === 0;
  };

  it('unchanged copy parses', () => {
    const der = encodeDerTree(original);
    expect(opensslAccepts(der)).toBe(true);
    expect(parseSignedDataContentInfo(der).signerInfos).toHaveLength(1);
  });

  for (const [name, mutate, message] of CASES) {
    it(`rejects ${name}`, () => {
      const copy = structuredClone(original);
      mutate(copy);
      const der = encodeDerTree(copy);
      expect(opensslAccepts(der)).toBe(false);
      expect(() => parseSignedDataContentInfo(der)).toThrow(Asn1Error);
      expect(() => parseSignedDataContentInfo(der)).toThrow(message);
    });
  }

  it('accepts NULL digest parameters', () => {
    const copy = structuredClone(original);
    signedDataOf(copy)[1].children[0].children.push(derLeaf(5, []));
    signerInfoOf(copy)[2].children.push(derLeaf(5, []));
    const der = encodeDerTree(copy);
    expect(opensslAccepts(der)).toBe(true);
    expect(parseSignedDataContentInfo(der).digestAlgorithms[0].parameters?.tag).toBe(5);
  });
});
