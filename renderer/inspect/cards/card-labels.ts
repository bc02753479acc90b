// Names of report kinds and containers as the cards show them.

import type { InspectReport } from '../../../shared/report/inspect-report.ts';

export type ReportKind = NonNullable<InspectReport['kind']>;

export function kindLabel(kind: ReportKind): string {
  switch (kind) {
    case 'profile':
      return 'Configuration profile';
    case 'stub':
      return 'Profile stub';
    case 'plist':
      return 'Property list';
    case 'provisioning':
      return 'Provisioning profile';
    case 'device-attributes':
      return 'Device attribute response';
    case 'certificate':
      return 'Certificate';
    case 'identity':
      return 'PKCS#12 identity';
    default: {
      const unknown: never = kind;
      return String(unknown);
    }
  }
}

/** Describes the file's outer form: `XML plist`, `Binary plist`, `Signed CMS (DER) with an XML plist`. */
export function containerLabel(report: InspectReport): string {
  const plist = report.plistFormat === 'binary' ? 'a binary plist' : 'an XML plist';
  switch (report.container) {
    case 'xml':
      return 'XML plist';
    case 'binary':
      return 'Binary plist';
    case 'cms-signed':
      return `Signed CMS (${armourLabel(report.armour)}) with ${plist}`;
    case undefined:
      return '';
    default: {
      const unknown: never = report.container;
      return String(unknown);
    }
  }
}

function armourLabel(armour: InspectReport['armour']): string {
  if (armour === 'pem') return 'PEM armour';
  if (armour === 'base64') return 'base64 text';
  return 'DER';
}
