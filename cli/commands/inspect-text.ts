// The readable (non-JSON) form of an inspection report.

import type { CertificateReport, InspectReport } from '../../electron/services/inspect/report.ts';
import { formatProvisioningFacts } from './provisioning-text.ts';

export function formatInspectReport(report: InspectReport): string {
  if (!report.ok) return `${report.file}\n  error: ${report.error}\n\n`;

  if (report.kind === 'certificate' || report.kind === 'identity') return formatKeyFile(report);

  const lines: string[] = [report.file];
  const container = report.container === 'cms-signed' ? `CMS signed${report.armour ? ` (${report.armour}-armoured)` : ''}, ${report.plistFormat} plist inside` : `${report.plistFormat} plist`;
  lines.push(`  format:    ${container}`);
  lines.push(`  kind:      ${kindLabel(report.kind)}`);

  if (report.signed) {
    const s = report.signature;
    lines.push(`  signed:    yes, ${report.digestAlgorithm ?? 'unknown digest'}${s ? `: ${s.status} (${s.message})` : ''}`);
    for (const signer of report.signers ?? []) lines.push(...formatCertificate('signer', signer));
    for (const cert of (report.certificates ?? []).slice(report.signers?.length ?? 0)) lines.push(...formatCertificate('cert', cert));
  } else {
    lines.push('  signed:    no');
  }

  if (report.encrypted) {
    const e = report.encryption;
    lines.push(`  encrypted: yes${e ? `, ${e.contentEncryptionAlgorithm}, ${e.recipients.length} recipient${e.recipients.length === 1 ? '' : 's'}` : ''}`);
    for (const r of e?.recipients ?? []) {
      lines.push(`    recipient: ${r.issuer ? `issuer ${r.issuer}, serial ${r.serialNumber}` : `key id ${r.subjectKeyIdentifier}`}`);
    }
  }

  // A provisioning profile's section already shows its top-level keys, in words.
  if (report.provisioning) lines.push(...formatProvisioningFacts(report.provisioning));
  else for (const [key, value] of Object.entries(report.top ?? {})) lines.push(`  ${key}: ${JSON.stringify(value)}`);

  if (report.profileService) {
    const service = report.profileService;
    lines.push(`  profile service: URL ${JSON.stringify(service.URL ?? null)}, attributes ${JSON.stringify(service.DeviceAttributes ?? [])}, challenge ${service.hasChallenge ? 'present' : 'none'}`);
  }

  if (report.deviceAttributes) {
    const response = report.deviceAttributes;
    lines.push(`  device:    ${response.deviceId ?? '(no device id)'}; challenge ${response.challenge === 'absent' ? 'absent' : 'present'}`);
    for (const attribute of response.attributes) lines.push(`    ${attribute.name}${attribute.label ? ` (${attribute.label})` : ''}: ${attribute.value}`);
  }

  if (report.stub) {
    for (const [key, value] of Object.entries(report.stub.facts)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
    for (const cert of report.stub.signerCerts) lines.push(...formatCertificate('SignerCert', cert));
  }

  if (report.payloads) {
    lines.push(`  payloads (${report.payloads.length}):`);
    report.payloads.forEach((p, i) => {
      const name = p.PayloadDisplayName !== undefined ? ` "${String(p.PayloadDisplayName)}"` : '';
      lines.push(`    [${i}] ${String(p.PayloadType ?? '(no PayloadType)')}${name} ${String(p.PayloadIdentifier ?? '')} ${String(p.PayloadUUID ?? '')}`.trimEnd());
    });
  }

  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n\n`;
}

function formatKeyFile(report: InspectReport): string {
  const lines = [report.file, `  kind:      ${kindLabel(report.kind)}`];
  for (const cert of report.certificates ?? []) lines.push(...formatCertificate('certificate', cert));
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  return `${lines.join('\n')}\n\n`;
}

function kindLabel(kind: InspectReport['kind']): string {
  switch (kind) {
    case 'profile':
      return 'configuration profile';
    case 'stub':
      return 'iOS profile stub';
    case 'certificate':
      return 'certificate file';
    case 'device-attributes':
      return 'device attribute response (over-the-air enrolment)';
    case 'identity':
      return 'PKCS#12 identity file';
    case 'provisioning':
      return 'app provisioning profile';
    default:
      return 'property list';
  }
}

function formatCertificate(label: string, cert: CertificateReport): string[] {
  return [
    `    ${label}: ${cert.subject}`,
    `      issuer ${cert.issuer}; serial ${cert.serialNumber}`,
    `      valid ${cert.notBefore} to ${cert.notAfter}; SHA-256 ${cert.sha256}`,
  ];
}
