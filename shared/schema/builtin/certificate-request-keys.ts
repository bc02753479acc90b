// Keys that SCEP and ACME payloads share: the subject and subject alternative names of the
// certificate the device requests.

import { array, dictionary, text } from './define.ts';

/**
 * Builds the subject key: an array of relative distinguished names, each an array of [OID or short
 * name, value] pairs: [[["C", "US"]], [["O", "Example"]], [["CN", "device"]]].
 */
export function subjectKey(prefix: 'SCEP' | 'ACME', required: boolean) {
  const pair = array(`${prefix}SubjectArrayPair`, text(`${prefix}SubjectArrayPairItem`, { title: 'Attribute or value' }), {
    title: 'Attribute and value',
    repetition: { min: 2, max: 2 },
    description: 'Two strings: an attribute such as CN, O or an OID, then its value.',
  });
  return array(`Subject`, array(`${prefix}SubjectArrayInnerArray`, pair, { title: 'Relative distinguished name' }), {
    title: 'Subject',
    required,
    description: 'Subject name of the requested certificate, as nested arrays of attribute and value pairs.',
  });
}

export const subjectAltNameKey = dictionary(
  'SubjectAltName',
  [
    text('rfc822Name', { title: 'Email address', description: 'RFC 822 (email) name for the certificate.' }),
    text('dNSName', { title: 'DNS name', description: 'Host name for the certificate.' }),
    text('uniformResourceIdentifier', { title: 'URI', description: 'URI for the certificate.' }),
    text('ntPrincipalName', { title: 'NT principal name', description: 'Windows user principal name (UPN), such as user@example.com.' }),
  ],
  { title: 'Subject alternative names', description: 'Alternative names to put in the requested certificate.' },
);
