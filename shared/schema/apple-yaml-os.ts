// Reads the `supportedOS` blocks of Apple's schema files: platform support per payload and key.

import { SchemaError } from './errors.ts';
import { PLATFORMS, type EnrollmentMode, type Platform, type PlatformSupport, type SupportedOS } from './model.ts';

const ENROLLMENT_MODES: readonly EnrollmentMode[] = ['allowed', 'forbidden', 'ignored', 'required'];

/** Apple writes `n/a` for a platform that never supports the payload or key. */
const NOT_AVAILABLE = 'n/a';

/** One file writes `introduced: all`: every version, the same as leaving the field out. */
const EVERY_VERSION = 'all';

/** Converts a `supportedOS` mapping. Platforms this model does not know are skipped, so a newer file still loads. */
export function readSupportedOS(value: unknown, file: string, at: string): SupportedOS {
  const raw = asMap(value, file, at);
  const result: Partial<Record<Platform, PlatformSupport>> = {};
  for (const platform of PLATFORMS) {
    if (raw[platform] === undefined) continue;
    result[platform] = readPlatformSupport(raw[platform], file, `${at}.${platform}`);
  }
  return result;
}

function readPlatformSupport(value: unknown, file: string, at: string): PlatformSupport {
  // `iOS:` with nothing under it only lists the platform.
  if (value === null || value === '') return {};
  const raw = asMap(value, file, at);
  const support: { -readonly [K in keyof PlatformSupport]: PlatformSupport[K] } = {};

  const introduced = version(raw.introduced, file, `${at}.introduced`);
  if (introduced === NOT_AVAILABLE) support.unavailable = true;
  else if (introduced !== undefined && introduced !== EVERY_VERSION) support.introduced = introduced;
  const deprecated = version(raw.deprecated, file, `${at}.deprecated`);
  if (deprecated !== undefined && deprecated !== NOT_AVAILABLE) support.deprecated = deprecated;
  const removed = version(raw.removed, file, `${at}.removed`);
  if (removed !== undefined && removed !== NOT_AVAILABLE) support.removed = removed;

  setFlag(support, 'supervised', raw.supervised, file, `${at}.supervised`);
  setFlag(support, 'multiple', raw.multiple, file, `${at}.multiple`);
  setFlag(support, 'allowManualInstall', raw.allowmanualinstall, file, `${at}.allowmanualinstall`);
  setFlag(support, 'deviceChannel', raw.devicechannel, file, `${at}.devicechannel`);
  setFlag(support, 'userChannel', raw.userchannel, file, `${at}.userchannel`);
  setFlag(support, 'requiresDep', raw.requiresdep, file, `${at}.requiresdep`);
  setFlag(support, 'userApprovedMdm', raw.userapprovedmdm, file, `${at}.userapprovedmdm`);

  if (raw.sharedipad !== undefined) {
    const shared = asMap(raw.sharedipad, file, `${at}.sharedipad`);
    const sharedIpad: { mode: EnrollmentMode; deviceChannel?: boolean; userChannel?: boolean } = { mode: mode(shared.mode, file, `${at}.sharedipad.mode`) };
    const deviceChannel = flag(shared.devicechannel, file, `${at}.sharedipad.devicechannel`);
    if (deviceChannel !== undefined) sharedIpad.deviceChannel = deviceChannel;
    const userChannel = flag(shared.userchannel, file, `${at}.sharedipad.userchannel`);
    if (userChannel !== undefined) sharedIpad.userChannel = userChannel;
    support.sharedIpad = sharedIpad;
  }
  if (raw.userenrollment !== undefined) {
    const enrollment = asMap(raw.userenrollment, file, `${at}.userenrollment`);
    support.userEnrollment = { mode: mode(enrollment.mode, file, `${at}.userenrollment.mode`) };
  }
  return support;
}

type Flag = 'supervised' | 'multiple' | 'allowManualInstall' | 'deviceChannel' | 'userChannel' | 'requiresDep' | 'userApprovedMdm';

function setFlag(support: { -readonly [K in Flag]?: boolean }, name: Flag, value: unknown, file: string, at: string): void {
  const parsed = flag(value, file, at);
  if (parsed !== undefined) support[name] = parsed;
}

function flag(value: unknown, file: string, at: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new SchemaError(`expected true or false, found '${String(value)}'`, { file, at });
}

function version(value: unknown, file: string, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SchemaError('expected an OS version such as 10.15 or n/a', { file, at });
  const text = value.trim();
  if (text !== NOT_AVAILABLE && text !== EVERY_VERSION && !/^\d+(\.\d+)*$/.test(text)) throw new SchemaError(`'${text}' is not an OS version such as 10.15 or n/a`, { file, at });
  return text;
}

function mode(value: unknown, file: string, at: string): EnrollmentMode {
  if (typeof value === 'string' && (ENROLLMENT_MODES as readonly string[]).includes(value)) return value as EnrollmentMode;
  throw new SchemaError(`mode must be one of ${ENROLLMENT_MODES.join(', ')}, not '${String(value)}'`, { file, at });
}

function asMap(value: unknown, file: string, at: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SchemaError('expected a mapping', { file, at });
  return value as Record<string, unknown>;
}
