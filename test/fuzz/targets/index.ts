// Every fuzz target, by name.

import type { FuzzTarget } from '../engine/target.ts';
import { cmsEnvelopedTarget, cmsSignedTarget } from './cms.ts';
import { pemTarget, pkcs12Target } from './identity.ts';
import { binaryPlistTarget, xmlPlistTarget } from './plist.ts';
import { documentTarget, x509Target } from './x509-document.ts';
import { xmlEditTarget } from './xml-edit.ts';

export const FUZZ_TARGETS: readonly FuzzTarget[] = [xmlPlistTarget, binaryPlistTarget, documentTarget, cmsSignedTarget, cmsEnvelopedTarget, pkcs12Target, pemTarget, x509Target, xmlEditTarget];

export function findTarget(name: string): FuzzTarget | undefined {
  return FUZZ_TARGETS.find((target) => target.name === name);
}
