// Provisioning-profile services for the CLI and (later) the app's IPC: folder scan and report.
// Plain Node modules; nothing here imports electron.

export { folderError, ProvisioningFolderError, type ProvisioningFolderErrorCode } from './errors.ts';
export { DEFAULT_EXPIRING_WITHIN_DAYS, reportProvisioningFolder, type ProvisioningReportOptions } from './report-folder.ts';
export { findDuplicates, lookUpDevice } from './references.ts';
export { hasProvisioningExtension, MAX_PROFILE_FILE_BYTES, PROVISIONING_EXTENSIONS, scanProvisioningFolder, type FolderScan, type FolderScanOptions, type ScannedProfile } from './scan-folder.ts';
export type * from './report.ts';
