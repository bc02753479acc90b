#!/usr/bin/env bash
# Makes the committed fuzz seeds with OpenSSL 3.0 (Debian 12's openssl package).
#
# The keys made here are throw-away test keys that protect nothing; they are committed so that
# the fuzz targets are seeded the same way on every machine, with or without openssl. Run it
# from any folder: `bash test/fuzz/seeds/make-seeds.sh`. Every run makes new keys, so the seed
# bytes (and with them the inputs a given --seed produces) change: commit the new files together.
set -euo pipefail
seeds="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

passphrase=fuzz
profile='<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>Password</key>
			<string>fuzz-wifi</string>
			<key>PayloadType</key>
			<string>com.apple.wifi.managed</string>
			<key>SSID_STR</key>
			<string>Caf&#233;</string>
		</dict>
	</array>
	<key>PayloadIdentifier</key>
	<string>com.example.fuzz</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
'
printf '%s' "$profile" > profile.xml
printf '%s' '<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<array>
	<dict>
		<key>Password</key>
		<string>fuzz-wifi</string>
	</dict>
</array>
</plist>
' > payloads.xml

# A root CA, an RSA signer, an EC signer and an RSA device identity (the encryption recipient).
cat > ext.cnf <<'CNF'
[ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root.key 2>/dev/null
openssl req -new -x509 -key root.key -subj '/CN=Fuzz Root' -days 36500 -set_serial 1 -config ext.cnf -extensions ca -out root.pem
issue() { # name keyopts subject
  openssl genpkey $2 -out "$1.key" 2>/dev/null
  openssl req -new -key "$1.key" -subj "$3" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA root.pem -CAkey root.key -set_serial "0x$(openssl rand -hex 8)" -days 36500 \
    -extfile ext.cnf -extensions leaf -out "$1.pem" 2>/dev/null
}
issue signer '-algorithm RSA -pkeyopt rsa_keygen_bits:2048' '/O=Fuzz/CN=Fuzz Signer'
issue signer-ec '-algorithm EC -pkeyopt ec_paramgen_curve:P-256' '/CN=Fuzz EC Signer'
issue device '-algorithm RSA -pkeyopt rsa_keygen_bits:2048' '/CN=Fuzz Device'

rm -rf "$seeds"/{x509,cms-signed,cms-enveloped,pkcs12,pem,identity}
mkdir -p "$seeds"/{x509,cms-signed,cms-enveloped,pkcs12,pem,identity}

# x509: DER certificates.
for name in root signer signer-ec device; do openssl x509 -in "$name.pem" -outform DER -out "$seeds/x509/$name.der"; done

# cms-signed: DER and BER (streamed, indefinite lengths), SHA-1 and SHA-256, RSA and ECDSA,
# issuer-and-serial and subject key identifier signer ids, with and without the chain.
sign() { openssl cms -sign -in profile.xml -binary -nodetach "$@"; }
sign -signer signer.pem -inkey signer.key -md sha256 -certfile root.pem -outform DER -out "$seeds/cms-signed/rsa-sha256.der"
sign -signer signer.pem -inkey signer.key -md sha1 -outform DER -stream -out "$seeds/cms-signed/rsa-sha1-ber.der"
sign -signer signer-ec.pem -inkey signer-ec.key -md sha256 -keyid -outform DER -out "$seeds/cms-signed/ec-keyid.der"
sign -signer signer.pem -inkey signer.key -noattr -nocerts -outform DER -out "$seeds/cms-signed/noattr-nocerts.der"
sign -signer signer.pem -inkey signer.key -outform PEM -out "$seeds/cms-signed/rsa.pem"

# cms-enveloped: to the device certificate, with each content cipher and key transport padding.
encrypt() { openssl cms -encrypt -in payloads.xml -binary -recip device.pem "$@"; }
encrypt -aes256 -outform DER -out "$seeds/cms-enveloped/aes256.der"
encrypt -aes128 -outform DER -stream -out "$seeds/cms-enveloped/aes128-ber.der"
encrypt -des3 -outform DER -out "$seeds/cms-enveloped/des3.der"
encrypt -aes256 -keyopt rsa_padding_mode:oaep -outform DER -out "$seeds/cms-enveloped/oaep.der"
encrypt -aes256 -keyid -outform DER -out "$seeds/cms-enveloped/keyid.der"
# identity: what the targets decrypt and verify with; not seeds themselves.
cp device.pem device.key root.pem "$seeds/identity/"

# pkcs12: one iteration everywhere, so that a fuzz input costs milliseconds, not seconds.
export_p12() { out="$1"; shift; openssl pkcs12 -export -inkey signer.key -in signer.pem -certfile root.pem -passout "pass:$passphrase" -iter 1 "$@" -out "$seeds/pkcs12/$out"; }
export_p12 aes-mac.p12 -nomaciter
export_p12 nomac.p12 -nomac
export_p12 legacy-nomac.p12 -legacy -nomac
export_p12 plain-bags-nomac.p12 -keypbe NONE -certpbe NONE -nomac
export_p12 sha1-mac.p12 -macalg sha1 -nomaciter -name 'Fuzz Key'

# pem: keys in every encoding Node reads, certificate bundles with text between blocks.
openssl pkey -in signer.key -out "$seeds/pem/pkcs8.key"
openssl rsa -in signer.key -traditional -out "$seeds/pem/pkcs1.key" 2>/dev/null
openssl ecparam -name prime256v1 -out "$seeds/pem/sec1.key"
openssl ec -in signer-ec.key -out sec1-body.key 2>/dev/null
cat sec1-body.key >> "$seeds/pem/sec1.key"
openssl pkcs8 -topk8 -in signer.key -v2 aes-256-cbc -iter 1 -passout "pass:$passphrase" -out "$seeds/pem/encrypted-pkcs8.key"
openssl rsa -in signer.key -traditional -aes128 -passout "pass:$passphrase" -out "$seeds/pem/legacy-encrypted.key" 2>/dev/null
{ echo 'Bag Attributes'; echo '    friendlyName: Fuzz Signer'; cat signer.pem; echo 'subject=/CN=Fuzz Root'; cat root.pem; } > "$seeds/pem/bundle.pem"
{ cat signer.pem; cat "$seeds/pem/pkcs8.key"; } > "$seeds/pem/combined.pem"
openssl x509 -in root.pem -trustout -addtrust emailProtection -out "$seeds/pem/trusted.pem"

echo "seeds written to $seeds"
