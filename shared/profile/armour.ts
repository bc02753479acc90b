// Text armour around CMS files: PEM blocks and bare base64, as some servers deliver profiles.

import { decodeCmsArmour } from '../cms/index.ts';

/** Returns the DER inside PEM or base64 text, or null when `bytes` is not armoured CMS. */
export function decodeArmouredCms(bytes: Uint8Array): { der: Uint8Array; armour: 'pem' | 'base64' } | null {
  const decoded = decodeCmsArmour(bytes);
  if (!decoded || decoded.armour === 'der') return null;
  return { der: decoded.der, armour: decoded.armour };
}
