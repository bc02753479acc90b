// Recognising an app provisioning profile by the keys of its plist root.

import { dictGet, type PlistDict } from '../plist/model.ts';
import { KEY_APPLICATION_IDENTIFIER_PREFIX, KEY_DEVELOPER_CERTIFICATES, KEY_EXPIRATION_DATE, KEY_TEAM_IDENTIFIER, KEY_UUID } from './keys.ts';

/**
 * True when `root` has the keys every provisioning profile carries: a `DeveloperCertificates`
 * array, a `UUID` string, an `ExpirationDate` date, and a `TeamIdentifier` or
 * `ApplicationIdentifierPrefix` array (profiles made before team identifiers existed carry
 * only the prefix). Configuration profiles have none of these keys at their root.
 */
export function isProvisioningProfile(root: PlistDict): boolean {
  const hasTeam = dictGet(root, KEY_TEAM_IDENTIFIER)?.kind === 'array' || dictGet(root, KEY_APPLICATION_IDENTIFIER_PREFIX)?.kind === 'array';
  return (
    hasTeam &&
    dictGet(root, KEY_DEVELOPER_CERTIFICATES)?.kind === 'array' &&
    dictGet(root, KEY_UUID)?.kind === 'string' &&
    dictGet(root, KEY_EXPIRATION_DATE)?.kind === 'date'
  );
}
