// Parts the certificate payloads share: their platform support and the certificate itself.
//
// Platform support follows Apple's device-management schemas for com.apple.security.root,
// .pkcs1, .pem and .pkcs12, which list the same facts for all four.

import type { SupportedOS } from '../model.ts';
import { data, text } from './define.ts';

export const CERTIFICATE_SUPPORT: SupportedOS = {
  iOS: { introduced: '4.0', multiple: true, allowManualInstall: true, sharedIpad: { mode: 'allowed', deviceChannel: true, userChannel: false }, userEnrollment: { mode: 'allowed' } },
  macOS: { introduced: '10.7', multiple: true, allowManualInstall: true, deviceChannel: true, userChannel: true, userEnrollment: { mode: 'allowed' } },
  tvOS: { introduced: '9.0', multiple: true, allowManualInstall: true },
  watchOS: { introduced: '3.0', multiple: true, allowManualInstall: true },
  visionOS: { introduced: '1.0', multiple: true, allowManualInstall: true, userEnrollment: { mode: 'allowed' } },
};

export const certificateFileName = text('PayloadCertificateFileName', { title: 'File name', description: 'Name of the certificate file, shown to the user.' });

/** Builds the `PayloadContent` of a certificate payload; `what` describes the encoding it holds. */
export function certificateContent(what: string): ReturnType<typeof data> {
  return data('PayloadContent', { title: 'Certificate', required: true, description: what });
}
