// App provisioning profiles (.mobileprovision, .provisionprofile): detection, facts and expiry.

export { isProvisioningProfile } from './detect.ts';
export { notProvisioningProfile, ProvisioningError, type ProvisioningErrorCode } from './errors.ts';
export { DAY_MS, certificateHasExpired, daysUntil, expiresWithin, profileHasExpired } from './expiry.ts';
export type { DeveloperCertificateFacts, ParsedProvisioningProfile, ProvisioningProfileFacts, ProvisioningProfileType } from './model.ts';
export { openProvisioningProfile, type OpenedProvisioningProfile, type OpenProvisioningOptions } from './open.ts';
export { parseProvisioningProfile, type ParseProvisioningOptions } from './parse.ts';
export { deriveProfileType, type DerivedType, type TypeEvidence } from './profile-type.ts';
