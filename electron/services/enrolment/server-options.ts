// Settings of the local test enrolment server, checked and completed with defaults.

import { isIP } from 'node:net';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { isCmsContentInfo } from '../../../shared/cms/index.ts';
import { DEFAULT_DEVICE_ATTRIBUTES, DEVICE_ATTRIBUTE_NAMES } from '../../../shared/enrolment/device-attributes.ts';
import { describePlistKind } from '../../../shared/enrolment/errors.ts';
import { isProvisioningType, type ProvisioningType } from '../../../shared/enrolment/provisioning.ts';
import { DEFAULT_CUSTOM_RULES, type CustomRules } from '../../../shared/enrolment/rules.ts';
import { PlistError, readPlist } from '../../../shared/plist/index.ts';
import { dictGet } from '../../../shared/plist/model.ts';
import { parseCertificate, type Certificate } from '../../../shared/x509/certificate.ts';
import type { SignerIdentity } from '../cms/sign.ts';
import { EnrolmentServiceError } from './errors.ts';

export interface EnrolmentServerOptions {
  /** The state folder: CA, profile signer, device registry, request log. */
  readonly stateDir: string;
  /** Address to listen on; default 127.0.0.1. Any other address is reported in `warnings`. */
  readonly host?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  readonly port?: number;
  readonly provisioning: ProvisioningType;
  /** Custom provisioning rules; default DEFAULT_CUSTOM_RULES. */
  readonly rules?: CustomRules;
  /** Under auto provisioning: a challenge written into every enrolment profile and required back. */
  readonly sharedChallenge?: string;
  /** Attributes the enrolment profile requests; default UDID, VERSION, PRODUCT, SERIAL. */
  readonly attributes?: readonly string[];
  /** The final profile, an unsigned and unencrypted plist; default a profile with the workbench CA certificate. */
  readonly finalProfile?: Uint8Array;
  /** Named in messages about `finalProfile`. */
  readonly finalProfileName?: string;
  /** Signs every profile; default the workbench's own signer from the state folder. */
  readonly signer?: SignerIdentity;
  /** Device CA certificates (DER) the phase-1 signer is checked against. */
  readonly deviceCaCertificates?: readonly Uint8Array[];
  /** Organization named in profiles and certificates; default "Mobileconfig Studio". */
  readonly organization?: string;
  /** Base URL written into profiles, when devices reach the server through another address; default http://HOST:PORT. */
  readonly publicUrl?: string;
  /** Write the request log to requests.log in the state folder; default true. */
  readonly logToFile?: boolean;
  /** Largest request body accepted; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Time allowed to receive a request body; default 30 000 ms. */
  readonly bodyTimeoutMs?: number;
  /** Validity of issued device identities; default 365 days. */
  readonly identityValidityDays?: number;
  /** Prefix of PayloadIdentifier values; default com.mobileconfig-studio.enrolment. */
  readonly identifierPrefix?: string;
  /** Called for errors outside any one request, such as a failed registry write. */
  readonly onError?: (message: string) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

export interface ResolvedServerOptions {
  readonly host: string;
  readonly port: number;
  readonly provisioning: ProvisioningType;
  readonly rules: CustomRules;
  readonly attributes: readonly string[];
  readonly deviceCas: readonly Certificate[];
  readonly organization: string;
  readonly identifierPrefix: string;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly identityValidityDays: number;
  readonly warnings: readonly string[];
}

/** Checks the settings that do not need the state folder. Raises EnrolmentServiceError 'invalid-setting' naming the setting. */
export function resolveServerOptions(options: EnrolmentServerOptions): ResolvedServerOptions {
  const fail = (message: string): never => {
    throw new EnrolmentServiceError('invalid-setting', message);
  };
  const host = options.host ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0) fail(`host "${host}" is not an IP address; give an address such as 127.0.0.1`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`port ${port} is not a TCP port; give 0 to 65535 (0 picks a free port)`);
  if (!isProvisioningType(options.provisioning)) fail(`provisioning type "${String(options.provisioning)}" is not none, auto or custom`);
  if (options.sharedChallenge !== undefined && options.provisioning !== 'auto') fail('a shared challenge applies to auto provisioning only; custom provisioning issues single-use challenges itself');
  if (options.sharedChallenge === '') fail('the shared challenge is empty');

  const attributes = options.attributes ?? DEFAULT_DEVICE_ATTRIBUTES;
  for (const name of attributes) if (!DEVICE_ATTRIBUTE_NAMES.includes(name)) fail(`device attribute "${name}" is not one of ${DEVICE_ATTRIBUTE_NAMES.join(', ')}`);
  if (!attributes.includes('UDID') && !attributes.includes('SERIAL')) fail('request UDID or SERIAL among the device attributes, so that devices can be distinguished');

  const deviceCas = (options.deviceCaCertificates ?? []).map((der, index) => {
    try {
      return parseCertificate(der);
    } catch (error) {
      if (error instanceof Asn1Error) return fail(`device CA certificate ${index + 1} is not a valid DER certificate: ${error.message}`);
      throw error;
    }
  });

  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
  const warnings = loopback ? [] : [`listening on ${host}, which other machines can reach; the workbench server is a test tool with an unencrypted CA key, so bind it to 127.0.0.1 unless you mean it`];
  return {
    host,
    port,
    provisioning: options.provisioning,
    rules: options.rules ?? DEFAULT_CUSTOM_RULES,
    attributes,
    deviceCas,
    organization: options.organization ?? 'Mobileconfig Studio',
    identifierPrefix: options.identifierPrefix ?? 'com.mobileconfig-studio.enrolment',
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    identityValidityDays: options.identityValidityDays ?? 365,
    warnings,
  };
}

/**
 * Checks that the final profile can be encrypted and signed by the server: an unsigned plist
 * whose root has a PayloadContent array and no EncryptedPayloadContent.
 */
export function checkFinalProfile(bytes: Uint8Array, name: string): void {
  const fail = (message: string): never => {
    throw new EnrolmentServiceError('invalid-setting', `${name}: ${message}`, { file: name });
  };
  if (isCmsContentInfo(bytes)) fail('the final profile is signed; give the unsigned profile, because the server encrypts it for each device and then signs it');
  let root;
  try {
    root = readPlist(bytes, { file: name }).value;
  } catch (error) {
    if (error instanceof PlistError) return fail(`the final profile is not a property list: ${error.message}`);
    throw error;
  }
  if (root.kind !== 'dict') fail(`the final profile's root is ${describePlistKind(root.kind)}, expected a dictionary`);
  if (root.kind === 'dict' && dictGet(root, 'EncryptedPayloadContent') !== undefined) fail('the final profile is already encrypted; give the unencrypted profile');
  if (root.kind === 'dict' && dictGet(root, 'PayloadContent')?.kind !== 'array') fail('the final profile has no PayloadContent array');
}
