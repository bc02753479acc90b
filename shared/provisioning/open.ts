// Opening a file's bytes as an app provisioning profile.

import { Asn1Error } from '../asn1/errors.ts';
import { CmsError } from '../cms/errors.ts';
import { openDocument, type OpenedDocument } from '../profile/open.ts';
import { notProvisioningProfile, ProvisioningError } from './errors.ts';
import type { ProvisioningProfileFacts } from './model.ts';
import { parseProvisioningProfile } from './parse.ts';

export interface OpenProvisioningOptions {
  readonly file?: string;
  /** The time expiry is computed against. */
  readonly now: Date;
}

export interface OpenedProvisioningProfile {
  readonly document: OpenedDocument;
  readonly facts: ProvisioningProfileFacts;
  /** Warnings of the container, the plist and the profile keys, in that order. */
  readonly warnings: readonly string[];
}

/**
 * Opens `bytes` (normally CMS SignedData around an XML plist) and reads the profile facts.
 * Raises PlistError when the plist is malformed and ProvisioningError when the CMS container
 * is unreadable or the file is something else; both name the file.
 */
export function openProvisioningProfile(bytes: Uint8Array, options: OpenProvisioningOptions): OpenedProvisioningProfile {
  const document = openNamed(bytes, options.file);
  if (document.kind !== 'provisioning' || document.value.kind !== 'dict') throw notProvisioningProfile(document.kind, options.file);

  const parsed = parseProvisioningProfile(document.value, { now: options.now, file: options.file });
  const warnings = [...document.warnings, ...parsed.warnings];
  // Apple signs every profile it issues; an unsigned one was extracted or edited by hand.
  if (!document.signed) warnings.push('the profile is not signed: it is the plist extracted from a provisioning profile, and no device would install it');
  return { document, facts: parsed.facts, warnings };
}

/** Opens the document, wrapping CMS and ASN.1 failures (which do not name the file) in a ProvisioningError that does. */
function openNamed(bytes: Uint8Array, file: string | undefined): OpenedDocument {
  try {
    return openDocument(bytes, { file });
  } catch (error) {
    if (!(error instanceof Asn1Error) && !(error instanceof CmsError)) throw error;
    const prefix = file ? `${file}: ` : '';
    const detail = prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new ProvisioningError('unreadable', `the CMS signature around the profile is unreadable, so the file is damaged or cut short: ${detail}`, { file, cause: error });
  }
}
