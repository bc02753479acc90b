// The enrolment workbench's main-process services: the local test enrolment server, its
// state folder and device registry, and the device simulator. Plain Node modules; nothing
// here imports electron, so the CLI and tests run them directly.

export { createEnrolmentProfile, DEFAULT_PROFILE_IDENTIFIER } from './enrolment-profile.ts';
export { EnrolmentServiceError, type EnrolmentServiceErrorCode } from './errors.ts';
export { DeviceRegistry } from './registry.ts';
export { RequestLog, type LogListener } from './request-log.ts';
export { startEnrolmentServer, type EnrolmentServer } from './server.ts';
export { rejectWhileServed, SERVER_LOCK_FILE, serverLockHolder } from './server-lock.ts';
export { EnrolmentService, type EnrolmentServiceDependencies } from './service.ts';
export { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, type EnrolmentServerOptions, type ResolvedServerOptions } from './server-options.ts';
export { simulateEnrolment, type PhaseReport, type SimulationResult, type SimulatorOptions } from './simulator.ts';
export type { SimulatedDevice } from './simulated-device.ts';
export { SimulatorError } from './simulator-errors.ts';
export { checkStateFolder, openExistingRegistry, openRegistry, openWorkspace, REGISTRY_FILE, REQUEST_LOG_FILE, type Workspace } from './workspace.ts';
