// The results of a dropped folder: a sortable table of every file, the provisioning profiles
// with their expiry flags, and CSV export of both.

import type { FolderInspectionResult, FolderRow, ProvisioningRow } from '../../shared/ipc/screens.ts';
import { ProfileExpiryBadge, typeLabel } from '../provisioning/ProvisioningCard.tsx';
import { useScreens } from '../screens/screens-context.ts';
import { StatusBadge } from './parts/StatusBadge.tsx';
import { formatUtc } from './parts/fingerprint.ts';
import { SortableTable, type Column } from './SortableTable.tsx';

type FileColumn = 'file' | 'kind' | 'container' | 'signatureStatus' | 'signer' | 'signerExpires' | 'encrypted' | 'identifier' | 'payloads' | 'error';
type ProvisioningColumn = 'name' | 'appId' | 'team' | 'type' | 'expirationDate' | 'daysLeft' | 'devices' | 'signatureStatus' | 'file';

export function FolderResults({ result }: { result: FolderInspectionResult }) {
  const { inspection } = useScreens();
  const relative = (file: string) => (file.startsWith(result.folder) ? file.slice(result.folder.length).replace(/^[\\/]/, '') : file);
  const unreadable = result.rows.filter((row) => !row.ok).length;

  const fileColumns: Column<FileColumn, FolderRow>[] = [
    { key: 'file', label: 'File', render: (row) => <span className="mono">{relative(row.file)}</span> },
    { key: 'kind', label: 'Kind', render: (row) => (row.ok ? row.kind : <StatusBadge tone="bad" label="unreadable" />) },
    { key: 'container', label: 'Format' },
    { key: 'signatureStatus', label: 'Signature', render: (row) => row.signatureStatus || (row.signed === false ? 'unsigned' : '') },
    { key: 'signer', label: 'Signer' },
    { key: 'signerExpires', label: 'Signer expires', render: (row) => (row.signerExpires ? formatUtc(row.signerExpires) : '') },
    { key: 'encrypted', label: 'Encrypted' },
    { key: 'identifier', label: 'Identifier', render: (row) => <span className="mono">{row.identifier}</span> },
    { key: 'payloads', label: 'Payloads' },
    { key: 'error', label: 'Problem', render: (row) => row.error || row.warnings },
  ];

  return (
    <section className="folder-result" aria-label={`Folder ${result.folder}`}>
      <header className="folder-header">
        <h3 className="mono">{result.folder}</h3>
        <span>
          {result.rows.length} files{unreadable > 0 ? `, ${unreadable} unreadable` : ''}
          {result.cancelled ? ' (stopped before the end)' : ''}
          {result.truncated ? ' (more files than can be inspected at once)' : ''}
        </span>
        <button type="button" onClick={() => void inspection.getState().saveCsv(result.folderId, 'files')}>
          Save Table as CSV…
        </button>
        <button type="button" className="icon-button" aria-label={`Remove the results of ${result.folder}`} onClick={() => inspection.getState().removeFolder(result.folderId)}>
          ✕
        </button>
      </header>
      <SortableTable rows={result.rows} columns={fileColumns} initial={{ column: 'file', direction: 'ascending' }} label="Files in the folder" rowKey={(row) => row.file} />
      {result.provisioning.length > 0 ? <ProvisioningTable result={result} /> : null}
    </section>
  );
}

function ProvisioningTable({ result }: { result: FolderInspectionResult }) {
  const { inspection } = useScreens();
  const columns: Column<ProvisioningColumn, ProvisioningRow>[] = [
    { key: 'name', label: 'Name', render: (row) => <ProvisioningName row={row} /> },
    { key: 'appId', label: 'App ID', render: (row) => <span className="mono">{row.appId}</span> },
    { key: 'team', label: 'Team' },
    { key: 'type', label: 'Type', render: (row) => typeLabel(row.type) },
    { key: 'expirationDate', label: 'Expires', render: (row) => formatUtc(row.expirationDate) },
    { key: 'daysLeft', label: 'Days left', render: (row) => <ProfileExpiryBadge facts={row} /> },
    { key: 'devices', label: 'Devices', render: (row) => (row.devices === null ? 'all' : String(row.devices)) },
    { key: 'signatureStatus', label: 'Signature' },
    { key: 'file', label: 'File', render: (row) => <span className="mono">{row.file.split(/[\\/]/).pop()}</span> },
  ];
  return (
    <section className="provisioning-table" aria-label="Provisioning profiles">
      <header className="folder-header">
        <h4>Provisioning profiles ({result.provisioning.length})</h4>
        <span className="hint">
          Expiring soon: within {result.expiringWithinDays} days. {summary(result.provisioning)}
        </span>
        <button type="button" onClick={() => void inspection.getState().saveCsv(result.folderId, 'provisioning')}>
          Save Provisioning Table as CSV…
        </button>
      </header>
      <SortableTable rows={result.provisioning} columns={columns} initial={{ column: 'expirationDate', direction: 'ascending' }} label="Provisioning profiles in the folder" rowKey={(row) => row.file} />
    </section>
  );
}

function ProvisioningName({ row }: { row: ProvisioningRow }) {
  return (
    <>
      {row.name}
      {row.allCertificatesExpired ? <StatusBadge tone="bad" label="all certificates expired" /> : null}
      {row.duplicateUuid ? <StatusBadge tone="warning" label="duplicate UUID" /> : null}
      {row.duplicateAppId ? <StatusBadge tone="neutral" label="shared App ID" /> : null}
    </>
  );
}

function summary(rows: readonly ProvisioningRow[]): string {
  const expired = rows.filter((row) => row.expired).length;
  const soon = rows.filter((row) => row.expiringSoon).length;
  return `${expired} expired, ${soon} expiring soon.`;
}
