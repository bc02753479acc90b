// POST /enrol: a device's signed attribute response. This module reads and checks the CMS
// wrapper and the plist, then hands the request to phase 1 (signed with a device
// certificate) or phase 3 (signed with an identity the workbench CA issued).

import { Asn1Error } from '../../../../shared/asn1/errors.ts';
import { CmsError } from '../../../../shared/cms/errors.ts';
import { isCmsContentInfo } from '../../../../shared/cms/index.ts';
import { identifierMatches } from '../../../../shared/cms/identifier.ts';
import { parseSignedDataContentInfo, type SignedData } from '../../../../shared/cms/signed-data.ts';
import { deviceIdOf } from '../../../../shared/enrolment/device-attributes.ts';
import { parseDeviceAttributes, type DeviceAttributesResponse } from '../../../../shared/enrolment/device-response.ts';
import { EnrolmentError } from '../../../../shared/enrolment/errors.ts';
import { PlistError, readPlist } from '../../../../shared/plist/index.ts';
import type { Certificate } from '../../../../shared/x509/certificate.ts';
import { checkSignerSignature } from '../../cms/signature-check.ts';
import { acceptAttributes } from './attributes-phase.ts';
import type { PhaseContext } from './context.ts';
import { serveFinalProfile } from './final-phase.ts';
import { rejected, type Outcome } from './outcome.ts';

/** A device request whose wrapper and plist were read. */
export interface DeviceRequest {
  readonly response: DeviceAttributesResponse;
  readonly deviceId: string;
  /** Null only for an unsigned plist, which no provisioning accepts. */
  readonly signedData: SignedData | null;
  readonly signer: Certificate | null;
}

/** Media types a device's signed response may carry; Apple devices send application/pkcs7-signature. */
const SIGNED_MEDIA_TYPES = ['application/pkcs7-signature', 'application/x-pkcs7-signature', 'application/pkcs7-mime', 'application/x-pkcs7-mime', 'application/octet-stream'];
/** Media types of a bare plist, which only no provisioning accepts. */
const PLIST_MEDIA_TYPES = ['application/xml', 'text/xml', 'application/x-plist', 'application/x-apple-aspen-config'];

export async function handleDeviceRequest(context: PhaseContext, body: Uint8Array, mediaType: string): Promise<Outcome> {
  const acceptsPlain = context.provisioning === 'none';
  if (!SIGNED_MEDIA_TYPES.includes(mediaType) && !(acceptsPlain && PLIST_MEDIA_TYPES.includes(mediaType))) {
    return rejected(415, 'attributes', `content type "${mediaType || 'missing'}" is not accepted; send the signed attributes as application/pkcs7-signature`);
  }

  const read = readDeviceRequest(context, body);
  if ('status' in read) return read;

  // A request signed by an identity this CA issued is phase 3; anything else is phase 1.
  // NOTE: only the simulator has run this flow; a real device's phase-3 request has not been seen by this server.
  if (context.provisioning !== 'none' && read.signer && context.workspace.ca.issued(read.signer)) return serveFinalProfile(context, read);
  return acceptAttributes(context, read);
}

function readDeviceRequest(context: PhaseContext, body: Uint8Array): DeviceRequest | Outcome {
  const checkSignature = context.provisioning !== 'none';
  if (body.length === 0) return rejected(400, 'attributes', 'the request body is empty; post the signed attribute plist');

  let signedData: SignedData | null = null;
  let signer: Certificate | null = null;
  let plistBytes = body;
  if (isCmsContentInfo(body)) {
    try {
      signedData = parseSignedDataContentInfo(body);
    } catch (error) {
      if (error instanceof Asn1Error || error instanceof CmsError) return rejected(400, 'attributes', `the body is not a valid CMS SignedData: ${error.message}`);
      throw error;
    }
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) return rejected(checkSignature ? 403 : 400, 'attributes', 'the SignedData has no signer; the device must sign its attributes');
    signer = signedData.certificates.find((certificate) => identifierMatches(signerInfo.sid, certificate)) ?? null;
    if (signedData.content === null) return rejected(400, 'attributes', 'the SignedData has no content (detached signature); the attributes must be embedded');
    if (checkSignature && !signer) return rejected(403, 'attributes', 'the signer certificate is not in the SignedData, so the signature cannot be checked');
    plistBytes = signedData.content;

    if (checkSignature && signer) {
      const check = checkSigner(signedData, signer);
      if (check) return rejected(403, 'attributes', check);
    }
  } else if (checkSignature) {
    return rejected(400, 'attributes', 'the body is not CMS SignedData; under auto and custom provisioning the device must sign its attributes');
  }

  let response: DeviceAttributesResponse;
  try {
    response = parseDeviceAttributes(readPlist(plistBytes).value);
  } catch (error) {
    if (error instanceof PlistError || error instanceof EnrolmentError) return rejected(400, 'attributes', `the attribute plist is invalid: ${error.message}`);
    throw error;
  }
  const deviceId = deviceIdOf(response.attributes);
  if (deviceId === undefined) return rejected(400, 'attributes', 'the attributes contain no UDID, SERIAL, IMEI or MEID to identify the device');
  return { response, deviceId, signedData, signer };
}

/** Returns why the signature fails, or null when it verifies. */
function checkSigner(signedData: SignedData, signer: Certificate): string | null {
  try {
    const check = checkSignerSignature(signedData.signerInfos[0], signer, signedData.content ?? new Uint8Array(0), signedData.contentType);
    if (check.digestMatches && check.signatureVerifies) return null;
    return `the signature does not verify: ${check.problems.join('; ')}`;
  } catch (error) {
    if (error instanceof CmsError) return `the signature cannot be checked: ${error.message}`;
    throw error;
  }
}
