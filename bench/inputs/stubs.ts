// A folder of generated iOS profile stubs, the plists iOS keeps for installed profiles.
//
// Every stub carries the installation facts iOS records (ProfileWasSigned, ProfileTrustLevel,
// SignerCerts, InstallDate, ...) and two payloads. Odd-numbered stubs are XML and even-numbered
// ones binary, because devices keep both forms.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { writePlist } from '../../shared/plist/index.ts';
import { array, bool, data, date, dict, int, str, type PlistDict } from '../../shared/plist/model.ts';
import { SeededRandom } from './random.ts';

const INSTALL_TIME = Date.UTC(2025, 2, 14, 9, 26, 53);

/** Writes `count` stubs into `dir` (reusing those already there) and returns the folder. */
export function prepareStubs(dir: string, count: number, signerCertificate: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const random = new SeededRandom(count);
  for (let i = 1; i <= count; i++) {
    const file = path.join(dir, `profile-${String(i).padStart(5, '0')}.stub`);
    const stub = buildStub(i, random, signerCertificate);
    if (existsSync(file)) continue;
    writeFileSync(file, writePlist(stub, i % 2 === 1 ? 'xml' : 'binary'));
  }
  return dir;
}

function buildStub(index: number, random: SeededRandom, signerCertificate: Uint8Array): PlistDict {
  const payload = (type: string, name: string) =>
    dict([
      ['PayloadDisplayName', str(name)],
      ['PayloadIdentifier', str(`com.example.stub${index}.${type.split('.').pop()}`)],
      ['PayloadType', str(type)],
      ['PayloadUUID', str(random.uuid())],
      ['PayloadVersion', int(1)],
    ]);

  return dict([
    ['InstallDate', date(INSTALL_TIME + index * 1000)],
    ['MCProfileIsRemovalStub', bool(false)],
    ['PayloadContent', array([payload('com.apple.wifi.managed', `Wi-Fi Café ${index}`), payload('com.apple.security.root', 'Exämple Root CA')])],
    ['PayloadDisplayName', str(`Installed profile №${index}`)],
    ['PayloadIdentifier', str(`com.example.stub${index}`)],
    ['PayloadType', str('Configuration')],
    ['PayloadUUID', str(random.uuid())],
    ['PayloadVersion', int(1)],
    ['ProductVersion', str('17.4')],
    ['ProfileTrustLevel', int(2)],
    ['ProfileWasEncrypted', bool(false)],
    ['ProfileWasSigned', bool(true)],
    ['ProfileWasTrusted', bool(true)],
    ['SignerCerts', array([data(signerCertificate)])],
  ]);
}
