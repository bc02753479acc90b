import { describe, expect, it } from 'vitest';

import { newProfileDraft, profileRequestOf, stepProblems, toggleAttribute } from '../../../renderer/enrolment/profile-form.ts';

describe('toggleAttribute', () => {
  it('keeps the known order', () => {
    expect(toggleAttribute(['SERIAL'], 'UDID', true)).toEqual(['UDID', 'SERIAL']);
  });

  it('removes an attribute', () => {
    expect(toggleAttribute(['UDID', 'SERIAL'], 'UDID', false)).toEqual(['SERIAL']);
  });

  it('ignores an unknown name', () => {
    expect(toggleAttribute(['UDID'], 'NOT_AN_ATTRIBUTE', true)).toEqual(['UDID']);
  });
});

describe('stepProblems', () => {
  it('accepts the defaults', () => {
    for (const step of [0, 1, 2, 3]) expect(stepProblems(newProfileDraft(), step)).toEqual([]);
  });

  it('names a URL without a scheme', () => {
    expect(stepProblems({ ...newProfileDraft(), url: '127.0.0.1:8080/enrol' }, 1)).toEqual(['Enter the URL devices post to, starting with http:// or https://.']);
  });

  it('names an empty identifier', () => {
    expect(stepProblems({ ...newProfileDraft(), identifier: ' ' }, 2)).toEqual(['Enter an identifier such as com.example.enrolment.']);
  });
});

describe('profileRequestOf', () => {
  it('trims texts and drops empty ones', () => {
    const draft = { ...newProfileDraft(), url: ' https://enrol.example.com/enrol ', displayName: ' Lab ', organization: '', description: ' ' };
    expect(profileRequestOf(draft, 'none')).toEqual({ url: 'https://enrol.example.com/enrol', attributes: ['UDID', 'VERSION', 'PRODUCT', 'SERIAL'], identifier: 'com.example.enrolment', displayName: 'Lab' });
  });

  it('keeps the challenge as typed', () => {
    expect(profileRequestOf({ ...newProfileDraft(), challenge: ' spaced ' }, 'auto').challenge).toBe(' spaced ');
  });
});
