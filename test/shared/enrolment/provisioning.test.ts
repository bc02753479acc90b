import { describe, expect, it } from 'vitest';

import { explainProvisioningType, isProvisioningType, PROVISIONING_TYPES } from '../../../shared/enrolment/provisioning.ts';

describe('provisioning types', () => {
  it('explains each type', () => {
    for (const type of PROVISIONING_TYPES) {
      const explanation = explainProvisioningType(type);
      expect(explanation.type).toBe(type);
      expect(explanation.meaning.length).toBeGreaterThan(40);
      expect(explanation.safeWhen.length).toBeGreaterThan(20);
    }
  });

  it('issues certificates except under none', () => {
    expect(explainProvisioningType('none').issuesCertificate).toBe(false);
    expect(explainProvisioningType('auto').issuesCertificate).toBe(true);
    expect(explainProvisioningType('custom').issuesCertificate).toBe(true);
  });

  it('marks none as development only', () => {
    expect(explainProvisioningType('none').safeWhen).toMatch(/^Development only/);
  });

  it('recognises type names', () => {
    expect(isProvisioningType('custom')).toBe(true);
    expect(isProvisioningType('manual')).toBe(false);
  });
});
