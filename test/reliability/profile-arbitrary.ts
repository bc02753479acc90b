// fast-check generator of random configuration profiles: the top-level keys Apple's schema
// requires, and a PayloadContent array of payloads with random extra keys.

import fc from 'fast-check';

import type { PlistDictEntry, PlistValue } from '../../shared/plist/model.ts';
import { plistStringArbitrary, plistValueArbitrary } from './plist-arbitrary.ts';

const string = (value: string): PlistValue => ({ kind: 'string', value });

const identifier = fc.stringMatching(/^[a-z]{2,8}(\.[a-z0-9]{1,8}){1,4}$/);

const payload = fc
  .record({
    type: fc.constantFrom('com.apple.wifi.managed', 'com.apple.security.root', 'com.apple.mdm', 'com.apple.applicationaccess'),
    identifier,
    uuid: fc.uuid(),
    extra: fc.uniqueArray(fc.tuple(plistStringArbitrary('both'), plistValueArbitrary('both', 2)), { selector: ([key]) => key, maxLength: 5 }),
  })
  .map(({ type, identifier: id, uuid, extra }): PlistValue => {
    const fixed: PlistDictEntry[] = [
      { key: 'PayloadType', value: string(type) },
      { key: 'PayloadIdentifier', value: string(id) },
      { key: 'PayloadUUID', value: string(uuid.toUpperCase()) },
      { key: 'PayloadVersion', value: { kind: 'integer', value: 1n } },
    ];
    const names = new Set(fixed.map((entry) => entry.key));
    const rest = extra.filter(([key]) => !names.has(key)).map(([key, value]) => ({ key, value }));
    return { kind: 'dict', entries: [...fixed, ...rest] };
  });

/** A profile dictionary that both XML and bplist00 can hold. */
export const profileArbitrary: fc.Arbitrary<PlistValue> = fc
  .record({ identifier, uuid: fc.uuid(), name: plistStringArbitrary('both'), payloads: fc.array(payload, { minLength: 1, maxLength: 4 }) })
  .map(({ identifier: id, uuid, name, payloads }) => ({
    kind: 'dict',
    entries: [
      { key: 'PayloadContent', value: { kind: 'array', items: payloads } },
      { key: 'PayloadDisplayName', value: string(name) },
      { key: 'PayloadIdentifier', value: string(id) },
      { key: 'PayloadType', value: string('Configuration') },
      { key: 'PayloadUUID', value: string(uuid.toUpperCase()) },
      { key: 'PayloadVersion', value: { kind: 'integer', value: 1n } },
    ],
  }));
