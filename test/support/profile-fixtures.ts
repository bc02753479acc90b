// Small profiles and stubs written out by hand, so that every test has input that does not
// depend on the shared corpus.

/** A Wi-Fi profile in Apple's XML layout with non-ASCII text, a real, a date and data. */
export const WIFI_PROFILE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>AutoJoin</key>
			<true/>
			<key>EncryptionType</key>
			<string>WPA2</string>
			<key>PayloadDisplayName</key>
			<string>Wi-Fi Café ✓</string>
			<key>PayloadIdentifier</key>
			<string>com.example.wifi.payload</string>
			<key>PayloadType</key>
			<string>com.apple.wifi.managed</string>
			<key>PayloadUUID</key>
			<string>6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>SSID_STR</key>
			<string>Résumé-Net</string>
		</dict>
		<dict>
			<key>PayloadCertificateFileName</key>
			<string>root.cer</string>
			<key>PayloadContent</key>
			<data>
			AAECAwQFBgcICQ==
			</data>
			<key>PayloadIdentifier</key>
			<string>com.example.wifi.root</string>
			<key>PayloadType</key>
			<string>com.apple.security.root</string>
			<key>PayloadUUID</key>
			<string>0B7C9E2A-1F4D-4C6B-8E3A-5D2F1A9B7C64</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>Ratio</key>
			<real>1</real>
			<key>Since</key>
			<date>2024-05-01T12:00:00Z</date>
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>Café ✓ Résumé</string>
	<key>PayloadIdentifier</key>
	<string>com.example.wifi</string>
	<key>PayloadOrganization</key>
	<string>Example Org</string>
	<key>PayloadRemovalDisallowed</key>
	<false/>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;

/** The payloads of WIFI_PROFILE_XML as `inspect --json` lists them. */
export const WIFI_PROFILE_PAYLOADS = [
  {
    PayloadType: 'com.apple.wifi.managed',
    PayloadIdentifier: 'com.example.wifi.payload',
    PayloadUUID: '6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11',
    PayloadDisplayName: 'Wi-Fi Café ✓',
  },
  { PayloadType: 'com.apple.security.root', PayloadIdentifier: 'com.example.wifi.root', PayloadUUID: '0B7C9E2A-1F4D-4C6B-8E3A-5D2F1A9B7C64' },
];

/**
 * Returns an iOS profile stub (the plist iOS keeps for an installed profile) with `signerCertBase64`
 * as its one `SignerCerts` entry.
 */
export function stubXml(signerCertBase64: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>InstallDate</key>
	<date>2025-03-14T09:26:53Z</date>
	<key>MCProfileIsRemovalStub</key>
	<false/>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadIdentifier</key>
			<string>com.example.stub.wifi</string>
			<key>PayloadType</key>
			<string>com.apple.wifi.managed</string>
			<key>PayloadUUID</key>
			<string>11111111-2222-4333-8444-555555555555</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>Installed Wi-Fi</string>
	<key>PayloadIdentifier</key>
	<string>com.example.stub</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>99999999-8888-4777-8666-555555555555</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
	<key>ProductVersion</key>
	<string>17.4</string>
	<key>ProfileTrustLevel</key>
	<integer>2</integer>
	<key>ProfileWasEncrypted</key>
	<false/>
	<key>ProfileWasSigned</key>
	<true/>
	<key>ProfileWasTrusted</key>
	<true/>
	<key>SignerCerts</key>
	<array>
		<data>${signerCertBase64}</data>
	</array>
</dict>
</plist>
`;
}
