// Generated configuration profiles of any size, built as plist values.
//
// Payloads cycle through three kinds so that every plist type appears: a Wi-Fi payload
// (strings with non-ASCII text, booleans), a root-certificate payload (a 1.5 KB data blob)
// and a managed-preferences payload (reals, dates, integers, small data, nested dictionaries).
// The mix averages about 1.5 KB of XML per payload: 100 payloads make about 0.15 MB, 2,000
// about 3 MB and 20,000 about 30 MB.

import { array, bool, data, date, dict, int, real, str, type PlistDict, type PlistValue } from '../../shared/plist/model.ts';
import { SeededRandom } from './random.ts';

/** Bytes in each root-certificate payload's blob; sized so that the average payload is about 1.5 KB of XML. */
const CERTIFICATE_BLOB_BYTES = 1536;

const BASE_TIME = Date.UTC(2025, 0, 15, 8, 30, 0);

/** Builds a profile with `payloadCount` payloads; the same count always gives the same profile. */
export function buildProfile(payloadCount: number, seed = 7): PlistDict {
  const random = new SeededRandom(seed ^ payloadCount);
  const payloads: PlistValue[] = [];
  for (let i = 0; i < payloadCount; i++) payloads.push(buildPayload(i, random));

  return dict([
    ['ConsentText', dict([['default', str('Installs the network and preference settings of Exämple Org.')], ['ja', str('Exämple Org のネットワーク設定をインストールします。')]])],
    ['PayloadContent', array(payloads)],
    ['PayloadDescription', str(`Benchmark profile with ${payloadCount} payloads: Wi-Fi, certificates and app preferences.`)],
    ['PayloadDisplayName', str(`Exämple Org — ${payloadCount} payloads ✓`)],
    ['PayloadIdentifier', str(`com.example.bench.p${payloadCount}`)],
    ['PayloadOrganization', str('Exämple Org')],
    ['PayloadRemovalDisallowed', bool(false)],
    ['PayloadScope', str('System')],
    ['PayloadType', str('Configuration')],
    ['PayloadUUID', str(random.uuid())],
    ['PayloadVersion', int(1)],
    ['RemovalDate', date(BASE_TIME + 365 * 86_400_000)],
  ]);
}

function buildPayload(index: number, random: SeededRandom): PlistDict {
  switch (index % 3) {
    case 0:
      return wifiPayload(index, random);
    case 1:
      return certificatePayload(index, random);
    default:
      return preferencesPayload(index, random);
  }
}

function common(index: number, type: string, name: string, random: SeededRandom): [string, PlistValue][] {
  return [
    ['PayloadDescription', str(`${name}, payload ${index + 1} of the benchmark profile.`)],
    ['PayloadDisplayName', str(`${name} №${index + 1}`)],
    ['PayloadIdentifier', str(`com.example.bench.${type.split('.').pop()}.${index}`)],
    ['PayloadType', str(type)],
    ['PayloadUUID', str(random.uuid())],
    ['PayloadVersion', int(1)],
  ];
}

function wifiPayload(index: number, random: SeededRandom): PlistDict {
  return dict([
    ['AutoJoin', bool(true)],
    ['EncryptionType', str('WPA2')],
    ['HIDDEN_NETWORK', bool(index % 2 === 0)],
    ['Password', str(`pässwörd-${index}-${random.nextUint32().toString(36)}`)],
    ...common(index, 'com.apple.wifi.managed', 'Wi-Fi Café Zürich', random),
    ['SSID_STR', str(`Réseau-東京-${index}`)],
  ]);
}

function certificatePayload(index: number, random: SeededRandom): PlistDict {
  return dict([
    ['PayloadCertificateFileName', str(`exämple-ca-${index}.cer`)],
    ['PayloadContent', data(random.bytes(CERTIFICATE_BLOB_BYTES))],
    ...common(index, 'com.apple.security.root', 'Root certificate Ørsted', random),
  ]);
}

function preferencesPayload(index: number, random: SeededRandom): PlistDict {
  const settings = dict([
    ['CheckInterval', real(0.25 + (random.nextUint32() % 1000) / 64)],
    ['FirstLaunch', date(BASE_TIME + index * 60_000)],
    ['Greeting', str(`Grüß Gott, ユーザー ${index}`)],
    ['MaxItems', int(random.nextInt(100_000))],
    ['Ratio', real(random.nextUint32() / 0x1_0000_0000)],
    ['Token', data(random.bytes(48))],
    ['UseProxy', bool(index % 2 === 1)],
  ]);
  const domain = dict([['Forced', array([dict([['mcx_preference_settings', settings]])])]]);
  return dict([
    ...common(index, 'com.apple.ManagedClient.preferences', 'App preferences Ñandú', random),
    ['PayloadContent', dict([[`com.example.app${index}`, domain]])],
  ]);
}
