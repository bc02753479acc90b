// SafeContents and the SafeBags inside them (RFC 7292 section 4.2).
//
//   SafeContents ::= SEQUENCE OF SafeBag
//   SafeBag ::= SEQUENCE { bagId OID, bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL }
//   PKCS12Attribute ::= SEQUENCE { attrId OID, attrValues SET OF ANY }
//   KeyBag ::= PrivateKeyInfo                               -- PKCS#8, plaintext
//   PKCS8ShroudedKeyBag ::= EncryptedPrivateKeyInfo         -- SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
//   CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT ANY }   -- x509Certificate: OCTET STRING of DER

import { parseAsn1, type Asn1Node } from '../asn1/reader.ts';
import { childAt, expectSequence, expectSet, readOctetString, readOid, readString, unwrapExplicit } from '../asn1/values.ts';
import {
  OID_CERT_BAG,
  OID_CRL_BAG,
  OID_FRIENDLY_NAME,
  OID_KEY_BAG,
  OID_LOCAL_KEY_ID,
  OID_PKCS8_SHROUDED_KEY_BAG,
  OID_SAFE_CONTENTS_BAG,
  OID_SECRET_BAG,
  OID_X509_CERTIFICATE,
  describeOid,
} from '../asn1/oids.ts';
import { parseEncryptionScheme, type PasswordEncryptionScheme } from './encryption-scheme.ts';

/** The friendlyName and localKeyId attributes that tie a key bag to its certificate bag. */
export interface BagAttributes {
  readonly friendlyName?: string;
  readonly localKeyId?: Uint8Array;
}

export type SafeBag =
  /** A plaintext PKCS#8 PrivateKeyInfo (DER). */
  | { readonly type: 'key'; readonly privateKeyInfo: Uint8Array; readonly attributes: BagAttributes }
  /** An EncryptedPrivateKeyInfo: `encryptedData` decrypts to a PKCS#8 PrivateKeyInfo. */
  | { readonly type: 'shrouded-key'; readonly scheme: PasswordEncryptionScheme; readonly encryptedData: Uint8Array; readonly attributes: BagAttributes }
  /** An X.509 certificate (DER). */
  | { readonly type: 'certificate'; readonly certificate: Uint8Array; readonly attributes: BagAttributes }
  /** Anything else (CRLs, secrets, SDSI certificates, unknown bags), named for a note. */
  | { readonly type: 'other'; readonly description: string; readonly attributes: BagAttributes };

/**
 * Parses a DER SafeContents into a flat list of bags; safeContentsBag nesting is flattened.
 * Raises Asn1Error for malformed input and Pkcs12Error for a shrouded key whose encryption
 * scheme is not supported.
 */
export function parseSafeContents(bytes: Uint8Array, structure = 'SafeContents'): SafeBag[] {
  const bags: SafeBag[] = [];
  collectBags(parseAsn1(bytes), structure, bags);
  return bags;
}

function collectBags(node: Asn1Node, structure: string, out: SafeBag[]): void {
  expectSequence(node, structure).forEach((bagNode, index) => {
    const bagStructure = `${structure}[${index}]`;
    const fields = expectSequence(bagNode, bagStructure);
    const bagId = readOid(childAt(fields, 0, `${bagStructure}.bagId`, bagNode), `${bagStructure}.bagId`);
    const value = unwrapExplicit(childAt(fields, 1, `${bagStructure}.bagValue`, bagNode), 0, `${bagStructure}.bagValue`);
    const attributes = fields[2] === undefined ? {} : parseAttributes(fields[2], `${bagStructure}.bagAttributes`);

    switch (bagId) {
      case OID_KEY_BAG:
        expectSequence(value, `${bagStructure}.bagValue`);
        out.push({ type: 'key', privateKeyInfo: value.raw, attributes });
        break;
      case OID_PKCS8_SHROUDED_KEY_BAG:
        out.push(parseShroudedKeyBag(value, `${bagStructure}.bagValue`, attributes));
        break;
      case OID_CERT_BAG:
        out.push(parseCertBag(value, `${bagStructure}.bagValue`, attributes));
        break;
      case OID_SAFE_CONTENTS_BAG:
        collectBags(value, `${bagStructure}.bagValue`, out);
        break;
      case OID_CRL_BAG:
      case OID_SECRET_BAG:
      default:
        out.push({ type: 'other', description: describeOid(bagId), attributes });
        break;
    }
  });
}

function parseShroudedKeyBag(node: Asn1Node, structure: string, attributes: BagAttributes): SafeBag {
  const fields = expectSequence(node, structure);
  const scheme = parseEncryptionScheme(childAt(fields, 0, `${structure}.encryptionAlgorithm`, node), `${structure}.encryptionAlgorithm`);
  const encryptedData = readOctetString(childAt(fields, 1, `${structure}.encryptedData`, node), `${structure}.encryptedData`);
  return { type: 'shrouded-key', scheme, encryptedData, attributes };
}

function parseCertBag(node: Asn1Node, structure: string, attributes: BagAttributes): SafeBag {
  const fields = expectSequence(node, structure);
  const certId = readOid(childAt(fields, 0, `${structure}.certId`, node), `${structure}.certId`);
  if (certId !== OID_X509_CERTIFICATE) return { type: 'other', description: `certBag of type ${describeOid(certId)}`, attributes };
  const value = unwrapExplicit(childAt(fields, 1, `${structure}.certValue`, node), 0, `${structure}.certValue`);
  return { type: 'certificate', certificate: readOctetString(value, `${structure}.certValue`), attributes };
}

// Unknown attributes (Microsoft CSP names, OpenSSL's trusted key usage) are skipped.
function parseAttributes(node: Asn1Node, structure: string): BagAttributes {
  let friendlyName: string | undefined;
  let localKeyId: Uint8Array | undefined;
  expectSet(node, structure).forEach((attributeNode, index) => {
    const attributeStructure = `${structure}[${index}]`;
    const fields = expectSequence(attributeNode, attributeStructure);
    const attrId = readOid(childAt(fields, 0, `${attributeStructure}.attrId`, attributeNode), `${attributeStructure}.attrId`);
    const values = expectSet(childAt(fields, 1, `${attributeStructure}.attrValues`, attributeNode), `${attributeStructure}.attrValues`);
    const first = values[0];
    if (first === undefined) return;
    if (attrId === OID_FRIENDLY_NAME) friendlyName = readString(first, `${attributeStructure}.friendlyName`);
    else if (attrId === OID_LOCAL_KEY_ID) localKeyId = readOctetString(first, `${attributeStructure}.localKeyId`);
  });
  return { ...(friendlyName !== undefined && { friendlyName }), ...(localKeyId !== undefined && { localKeyId }) };
}
