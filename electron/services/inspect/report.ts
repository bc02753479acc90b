// The inspection report types live in shared/ so that the app's renderer can read the reports
// it receives over IPC; this module keeps the services' and the CLI's import path.

export type * from '../../../shared/report/inspect-report.ts';
