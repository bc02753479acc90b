// Phase 3: the device posts its attributes again, signed with the identity the workbench CA
// issued. The server checks that identity and responds with the final profile, encrypted to
// it and signed. Auto provisioning checks that the CA issued the certificate and that it is
// within its validity; custom provisioning also checks that the registry lists the
// certificate, that it is not revoked, and that it belongs to the device that claims it.

import { encryptProfile } from '../../cms/profile-encryption.ts';
import { sign } from '../../cms/sign.ts';
import type { PhaseContext } from './context.ts';
import type { DeviceRequest } from './device-request.ts';
import { MEDIA_TYPE_PROFILE, rejected, served, type Outcome } from './outcome.ts';

export function serveFinalProfile(context: PhaseContext, request: DeviceRequest): Outcome {
  const now = context.now();
  const identity = request.signer;
  if (!identity) return rejected(403, 'final', 'the request has no signer certificate', request.deviceId);

  if (now < identity.notBefore) return rejected(403, 'final', `the identity certificate is not valid until ${identity.notBefore.toISOString()}`, request.deviceId);
  if (now > identity.notAfter) return rejected(403, 'final', `the identity certificate expired on ${identity.notAfter.toISOString()}; enrol again`, request.deviceId);

  const registry = context.workspace.registry;
  const device = registry.deviceByCertificateSerial(identity.serialNumber);
  if (context.provisioning === 'custom') {
    if (!device) return rejected(403, 'final', `the identity certificate (serial ${identity.serialNumber}) is not in the device registry`, request.deviceId);
    if (device.revokedAt) return rejected(403, 'final', `the identity of device ${device.deviceId} was revoked at ${device.revokedAt}`, device.deviceId);
    if (device.deviceId !== request.deviceId) {
      return rejected(403, 'final', `the request claims device ${request.deviceId} but is signed with the identity of device ${device.deviceId}`, request.deviceId);
    }
  }
  if (identity.publicKeyAlgorithm.kind !== 'rsa') return rejected(403, 'final', 'the identity certificate has no RSA key, so the final profile cannot be encrypted to it', request.deviceId);

  const deviceId = device?.deviceId ?? request.deviceId;
  const signed = sign(encryptProfile(context.finalProfile, [identity.raw]), context.workspace.signer).der;
  registry.recordRequest(deviceId, { attributes: request.response.attributes, provisioning: context.provisioning, status: 'enrolled' }, now);
  return served('final', 'accepted', signed, MEDIA_TYPE_PROFILE, `identity serial ${identity.serialNumber} verified; final profile sent encrypted to it`, deviceId);
}
