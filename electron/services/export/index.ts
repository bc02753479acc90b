// Export of profiles from the app: preflight warnings, writing, and read-back checks.

export { exportProfile, ExportError, type ExportOptions } from './export-profile.ts';
export { preflightExport } from './preflight.ts';
export { recipientFileName } from './file-names.ts';
export type { ExportMode, ExportProgress, ExportRequest, ExportResult, ExportWarning, ExportWarningCode, WrittenFileCheck } from './request.ts';
