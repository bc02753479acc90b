// The enrolment model, pure TypeScript: provisioning types and their explanations, the
// Profile Service profile, device attribute responses, custom provisioning rules, request
// log entries, the device registry's CSV export, and the types of the app's IPC methods.

export * from './api.ts';
export * from './device-attributes.ts';
export * from './device-response.ts';
export * from './devices.ts';
export * from './errors.ts';
export * from './log-entry.ts';
export * from './profile-service.ts';
export * from './provisioning.ts';
export * from './rules.ts';
export * from './versions.ts';
