// The schemas that ship with the app: the profile's top level, the common payload keys, and the
// payloads admins use most. Loading Apple's schema folder adds the rest and replaces these.

import type { PayloadSchema } from '../model.ts';
import { SchemaRegistry } from '../registry.ts';
import { acmeSchema } from './acme.ts';
import { calDavSchema } from './caldav.ts';
import { cardDavSchema } from './carddav.ts';
import { pemCertificateSchema } from './certificate-pem.ts';
import { pkcs1CertificateSchema } from './certificate-pkcs1.ts';
import { pkcs12Schema } from './certificate-pkcs12.ts';
import { rootCertificateSchema } from './certificate-root.ts';
import { commonKeysSchema } from './common-keys.ts';
import { customPreferencesSchema } from './custom-preferences.ts';
import { dnsProxySchema } from './dns-proxy.ts';
import { dnsSettingsSchema } from './dns-settings.ts';
import { dockSchema } from './dock.ts';
import { exchangeActiveSyncSchema } from './exchange-activesync.ts';
import { exchangeWebServicesSchema } from './exchange-ews.ts';
import { fileVaultEscrowSchema } from './filevault-escrow.ts';
import { fileVaultSchema } from './filevault.ts';
import { firewallSchema } from './firewall.ts';
import { fontSchema } from './font.ts';
import { kernelExtensionsSchema } from './kernel-extensions.ts';
import { loginItemsSchema } from './login-items.ts';
import { mailSchema } from './mail.ts';
import { mcxSchema } from './mcx.ts';
import { mdmSchema } from './mdm.ts';
import { notificationsSchema } from './notifications.ts';
import { passcodeSchema } from './passcode.ts';
import { privacyPreferencesSchema } from './privacy-preferences.ts';
import { profileServiceSchema } from './profile-service.ts';
import { restrictionsSchema } from './restrictions.ts';
import { scepSchema } from './scep.ts';
import { serviceManagementSchema } from './service-management.ts';
import { kerberosSsoExtensionSchema } from './sso-extension-kerberos.ts';
import { ssoExtensionSchema } from './sso-extension.ts';
import { systemExtensionsSchema } from './system-extensions.ts';
import { topLevelSchema } from './top-level.ts';
import { vpnSchema } from './vpn.ts';
import { webClipSchema } from './web-clip.ts';
import { webContentFilterSchema } from './web-content-filter.ts';
import { wifiSchema } from './wifi.ts';

/** Every built-in schema, profile parts first, then payloads by area. */
export const BUILTIN_SCHEMAS: readonly PayloadSchema[] = [
  topLevelSchema,
  commonKeysSchema,
  profileServiceSchema,

  // Enrolment and identities
  mdmSchema,
  scepSchema,
  acmeSchema,
  rootCertificateSchema,
  pkcs1CertificateSchema,
  pemCertificateSchema,
  pkcs12Schema,

  // Networking
  wifiSchema,
  vpnSchema,
  dnsSettingsSchema,
  dnsProxySchema,
  webContentFilterSchema,

  // Device policy
  restrictionsSchema,
  passcodeSchema,
  privacyPreferencesSchema,
  systemExtensionsSchema,
  kernelExtensionsSchema,
  notificationsSchema,
  loginItemsSchema,
  serviceManagementSchema,
  fileVaultSchema,
  fileVaultEscrowSchema,
  firewallSchema,
  mcxSchema,
  customPreferencesSchema,
  dockSchema,

  // Apps, content and accounts
  webClipSchema,
  fontSchema,
  ssoExtensionSchema,
  kerberosSsoExtensionSchema,
  calDavSchema,
  cardDavSchema,
  mailSchema,
  exchangeActiveSyncSchema,
  exchangeWebServicesSchema,
];

/** Returns a registry of the built-in schemas. */
export function builtinSchemas(): SchemaRegistry {
  return new SchemaRegistry(BUILTIN_SCHEMAS);
}
