// SCEP message constants (RFC 8894, section 3.2.1). Every value travels as a PrintableString
// of decimal digits in a signed attribute.

/** messageType values used here. */
export const MESSAGE_TYPE = {
  certRep: '3',
  renewalReq: '17',
  pkcsReq: '19',
  certPoll: '20',
  getCert: '21',
  getCrl: '22',
} as const;

export type PkiStatus = 'success' | 'failure' | 'pending';

const PKI_STATUS_CODES: Readonly<Record<PkiStatus, string>> = { success: '0', failure: '2', pending: '3' };

/** failInfo values. */
export type FailInfo = 'badAlg' | 'badMessageCheck' | 'badRequest' | 'badTime' | 'badCertId';

const FAIL_INFO_CODES: Readonly<Record<FailInfo, string>> = { badAlg: '0', badMessageCheck: '1', badRequest: '2', badTime: '3', badCertId: '4' };

/** Returns the attribute text of a pkiStatus. */
export function pkiStatusCode(status: PkiStatus): string {
  return PKI_STATUS_CODES[status];
}

/** Returns the pkiStatus of an attribute text, or undefined for an unknown one. */
export function pkiStatusFromCode(code: string): PkiStatus | undefined {
  return (Object.keys(PKI_STATUS_CODES) as PkiStatus[]).find((status) => PKI_STATUS_CODES[status] === code);
}

/** Returns the attribute text of a failInfo. */
export function failInfoCode(info: FailInfo): string {
  return FAIL_INFO_CODES[info];
}

/** Returns the failInfo of an attribute text, or undefined for an unknown one. */
export function failInfoFromCode(code: string): FailInfo | undefined {
  return (Object.keys(FAIL_INFO_CODES) as FailInfo[]).find((info) => FAIL_INFO_CODES[info] === code);
}

/** The capabilities GetCACaps reports: POST for PKIOperation, SHA-256 digests, AES content encryption. */
export const CA_CAPABILITIES = ['POSTPKIOperation', 'SHA-256', 'AES', 'SCEPStandard'];

/** Media types of SCEP replies and requests (RFC 8894, section 4). */
export const SCEP_MEDIA_TYPES = {
  caCertificate: 'application/x-x509-ca-cert',
  pkiMessage: 'application/x-pki-message',
  text: 'text/plain',
} as const;
