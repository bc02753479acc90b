// Object identifiers used by the project. This is the only module that spells OIDs out;
// everything else imports the named constants. Each comment gives the ASN.1 name.

// Hash algorithms.
export const OID_MD5 = '1.2.840.113549.2.5'; // id-md5
export const OID_SHA1 = '1.3.14.3.2.26'; // id-sha1
export const OID_SHA224 = '2.16.840.1.101.3.4.2.4'; // id-sha224
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1'; // id-sha256
export const OID_SHA384 = '2.16.840.1.101.3.4.2.2'; // id-sha384
export const OID_SHA512 = '2.16.840.1.101.3.4.2.3'; // id-sha512

// RSA (PKCS #1).
export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1'; // rsaEncryption
export const OID_MD5_WITH_RSA = '1.2.840.113549.1.1.4'; // md5WithRSAEncryption
export const OID_SHA1_WITH_RSA = '1.2.840.113549.1.1.5'; // sha1WithRSAEncryption
export const OID_RSAES_OAEP = '1.2.840.113549.1.1.7'; // id-RSAES-OAEP
export const OID_MGF1 = '1.2.840.113549.1.1.8'; // id-mgf1
export const OID_RSASSA_PSS = '1.2.840.113549.1.1.10'; // id-RSASSA-PSS
export const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11'; // sha256WithRSAEncryption
export const OID_SHA384_WITH_RSA = '1.2.840.113549.1.1.12'; // sha384WithRSAEncryption
export const OID_SHA512_WITH_RSA = '1.2.840.113549.1.1.13'; // sha512WithRSAEncryption
export const OID_SHA224_WITH_RSA = '1.2.840.113549.1.1.14'; // sha224WithRSAEncryption

// Elliptic curves (ANSI X9.62, SEC 2, RFC 8410).
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1'; // id-ecPublicKey
export const OID_ECDSA_WITH_SHA1 = '1.2.840.10045.4.1'; // ecdsa-with-SHA1
export const OID_ECDSA_WITH_SHA224 = '1.2.840.10045.4.3.1'; // ecdsa-with-SHA224
export const OID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2'; // ecdsa-with-SHA256
export const OID_ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3'; // ecdsa-with-SHA384
export const OID_ECDSA_WITH_SHA512 = '1.2.840.10045.4.3.4'; // ecdsa-with-SHA512
export const OID_CURVE_P256 = '1.2.840.10045.3.1.7'; // prime256v1 (secp256r1, NIST P-256)
export const OID_CURVE_P384 = '1.3.132.0.34'; // secp384r1 (NIST P-384)
export const OID_CURVE_P521 = '1.3.132.0.35'; // secp521r1 (NIST P-521)
export const OID_CURVE_SECP256K1 = '1.3.132.0.10'; // secp256k1
export const OID_X25519 = '1.3.101.110'; // id-X25519
export const OID_X448 = '1.3.101.111'; // id-X448
export const OID_ED25519 = '1.3.101.112'; // id-Ed25519
export const OID_ED448 = '1.3.101.113'; // id-Ed448
export const OID_DSA = '1.2.840.10040.4.1'; // id-dsa

// CMS content types (RFC 5652, RFC 5083).
export const OID_DATA = '1.2.840.113549.1.7.1'; // id-data
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'; // id-signedData
export const OID_ENVELOPED_DATA = '1.2.840.113549.1.7.3'; // id-envelopedData
export const OID_DIGESTED_DATA = '1.2.840.113549.1.7.5'; // id-digestedData
export const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6'; // id-encryptedData
export const OID_AUTHENTICATED_DATA = '1.2.840.113549.1.9.16.1.2'; // id-ct-authData
export const OID_AUTH_ENVELOPED_DATA = '1.2.840.113549.1.9.16.1.23'; // id-ct-authEnvelopedData

// CMS and PKCS #9 attributes.
export const OID_EMAIL_ADDRESS = '1.2.840.113549.1.9.1'; // emailAddress (PKCS #9, used in names)
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'; // id-contentType
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'; // id-messageDigest
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5'; // id-signingTime
export const OID_COUNTER_SIGNATURE = '1.2.840.113549.1.9.6'; // id-countersignature
export const OID_SMIME_CAPABILITIES = '1.2.840.113549.1.9.15'; // smimeCapabilities
export const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12'; // id-aa-signingCertificate
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47'; // id-aa-signingCertificateV2

// Content encryption algorithms.
export const OID_AES128_CBC = '2.16.840.1.101.3.4.1.2'; // id-aes128-CBC
export const OID_AES192_CBC = '2.16.840.1.101.3.4.1.22'; // id-aes192-CBC
export const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42'; // id-aes256-CBC
export const OID_AES128_GCM = '2.16.840.1.101.3.4.1.6'; // id-aes128-GCM
export const OID_AES192_GCM = '2.16.840.1.101.3.4.1.26'; // id-aes192-GCM
export const OID_AES256_GCM = '2.16.840.1.101.3.4.1.46'; // id-aes256-GCM
export const OID_AES128_WRAP = '2.16.840.1.101.3.4.1.5'; // id-aes128-wrap
export const OID_AES256_WRAP = '2.16.840.1.101.3.4.1.45'; // id-aes256-wrap
export const OID_DES_EDE3_CBC = '1.2.840.113549.3.7'; // des-ede3-cbc
export const OID_RC2_CBC = '1.2.840.113549.3.2'; // rc2CBC
export const OID_DES_CBC = '1.3.14.3.2.7'; // desCBC

// X.500 attribute types used in distinguished names (X.520, RFC 4519).
export const OID_AT_COMMON_NAME = '2.5.4.3'; // id-at-commonName
export const OID_AT_SURNAME = '2.5.4.4'; // id-at-surname
export const OID_AT_SERIAL_NUMBER = '2.5.4.5'; // id-at-serialNumber
export const OID_AT_COUNTRY = '2.5.4.6'; // id-at-countryName
export const OID_AT_LOCALITY = '2.5.4.7'; // id-at-localityName
export const OID_AT_STATE = '2.5.4.8'; // id-at-stateOrProvinceName
export const OID_AT_STREET = '2.5.4.9'; // id-at-streetAddress
export const OID_AT_ORGANIZATION = '2.5.4.10'; // id-at-organizationName
export const OID_AT_ORGANIZATIONAL_UNIT = '2.5.4.11'; // id-at-organizationalUnitName
export const OID_AT_TITLE = '2.5.4.12'; // id-at-title
export const OID_AT_BUSINESS_CATEGORY = '2.5.4.15'; // id-at-businessCategory
export const OID_AT_POSTAL_CODE = '2.5.4.17'; // id-at-postalCode
export const OID_AT_NAME = '2.5.4.41'; // id-at-name
export const OID_AT_GIVEN_NAME = '2.5.4.42'; // id-at-givenName
export const OID_AT_INITIALS = '2.5.4.43'; // id-at-initials
export const OID_AT_GENERATION_QUALIFIER = '2.5.4.44'; // id-at-generationQualifier
export const OID_AT_DN_QUALIFIER = '2.5.4.46'; // id-at-dnQualifier
export const OID_AT_PSEUDONYM = '2.5.4.65'; // id-at-pseudonym
export const OID_AT_ORGANIZATION_IDENTIFIER = '2.5.4.97'; // id-at-organizationIdentifier
export const OID_DOMAIN_COMPONENT = '0.9.2342.19200300.100.1.25'; // domainComponent
export const OID_USER_ID = '0.9.2342.19200300.100.1.1'; // userId (uid)

// X.509 certificate extensions (RFC 5280).
export const OID_CE_SUBJECT_KEY_IDENTIFIER = '2.5.29.14'; // id-ce-subjectKeyIdentifier
export const OID_CE_KEY_USAGE = '2.5.29.15'; // id-ce-keyUsage
export const OID_CE_SUBJECT_ALT_NAME = '2.5.29.17'; // id-ce-subjectAltName
export const OID_CE_BASIC_CONSTRAINTS = '2.5.29.19'; // id-ce-basicConstraints
export const OID_CE_NAME_CONSTRAINTS = '2.5.29.30'; // id-ce-nameConstraints
export const OID_CE_CRL_DISTRIBUTION_POINTS = '2.5.29.31'; // id-ce-cRLDistributionPoints
export const OID_CE_CERTIFICATE_POLICIES = '2.5.29.32'; // id-ce-certificatePolicies
export const OID_CE_AUTHORITY_KEY_IDENTIFIER = '2.5.29.35'; // id-ce-authorityKeyIdentifier
export const OID_CE_EXT_KEY_USAGE = '2.5.29.37'; // id-ce-extKeyUsage
export const OID_PE_AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1'; // id-pe-authorityInfoAccess

// Extended key usage purposes (RFC 5280).
export const OID_ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0'; // anyExtendedKeyUsage
export const OID_KP_SERVER_AUTH = '1.3.6.1.5.5.7.3.1'; // id-kp-serverAuth
export const OID_KP_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'; // id-kp-clientAuth
export const OID_KP_CODE_SIGNING = '1.3.6.1.5.5.7.3.3'; // id-kp-codeSigning
export const OID_KP_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4'; // id-kp-emailProtection
export const OID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8'; // id-kp-timeStamping
export const OID_KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9'; // id-kp-OCSPSigning

/** Short names for messages and summaries, keyed by OID. */
const OID_NAMES: ReadonlyMap<string, string> = new Map([
  [OID_MD5, 'md5'],
  [OID_SHA1, 'sha1'],
  [OID_SHA224, 'sha224'],
  [OID_SHA256, 'sha256'],
  [OID_SHA384, 'sha384'],
  [OID_SHA512, 'sha512'],
  [OID_RSA_ENCRYPTION, 'rsaEncryption'],
  [OID_MD5_WITH_RSA, 'md5WithRSAEncryption'],
  [OID_SHA1_WITH_RSA, 'sha1WithRSAEncryption'],
  [OID_RSAES_OAEP, 'RSAES-OAEP'],
  [OID_MGF1, 'mgf1'],
  [OID_RSASSA_PSS, 'RSASSA-PSS'],
  [OID_SHA256_WITH_RSA, 'sha256WithRSAEncryption'],
  [OID_SHA384_WITH_RSA, 'sha384WithRSAEncryption'],
  [OID_SHA512_WITH_RSA, 'sha512WithRSAEncryption'],
  [OID_SHA224_WITH_RSA, 'sha224WithRSAEncryption'],
  [OID_EC_PUBLIC_KEY, 'id-ecPublicKey'],
  [OID_ECDSA_WITH_SHA1, 'ecdsa-with-SHA1'],
  [OID_ECDSA_WITH_SHA224, 'ecdsa-with-SHA224'],
  [OID_ECDSA_WITH_SHA256, 'ecdsa-with-SHA256'],
  [OID_ECDSA_WITH_SHA384, 'ecdsa-with-SHA384'],
  [OID_ECDSA_WITH_SHA512, 'ecdsa-with-SHA512'],
  [OID_CURVE_P256, 'P-256'],
  [OID_CURVE_P384, 'P-384'],
  [OID_CURVE_P521, 'P-521'],
  [OID_CURVE_SECP256K1, 'secp256k1'],
  [OID_X25519, 'X25519'],
  [OID_X448, 'X448'],
  [OID_ED25519, 'Ed25519'],
  [OID_ED448, 'Ed448'],
  [OID_DSA, 'dsa'],
  [OID_DATA, 'data'],
  [OID_SIGNED_DATA, 'signedData'],
  [OID_ENVELOPED_DATA, 'envelopedData'],
  [OID_DIGESTED_DATA, 'digestedData'],
  [OID_ENCRYPTED_DATA, 'encryptedData'],
  [OID_AUTHENTICATED_DATA, 'authData'],
  [OID_AUTH_ENVELOPED_DATA, 'authEnvelopedData'],
  [OID_EMAIL_ADDRESS, 'emailAddress'],
  [OID_CONTENT_TYPE, 'contentType'],
  [OID_MESSAGE_DIGEST, 'messageDigest'],
  [OID_SIGNING_TIME, 'signingTime'],
  [OID_COUNTER_SIGNATURE, 'countersignature'],
  [OID_SMIME_CAPABILITIES, 'smimeCapabilities'],
  [OID_SIGNING_CERTIFICATE, 'signingCertificate'],
  [OID_SIGNING_CERTIFICATE_V2, 'signingCertificateV2'],
  [OID_AES128_CBC, 'aes-128-cbc'],
  [OID_AES192_CBC, 'aes-192-cbc'],
  [OID_AES256_CBC, 'aes-256-cbc'],
  [OID_AES128_GCM, 'aes-128-gcm'],
  [OID_AES192_GCM, 'aes-192-gcm'],
  [OID_AES256_GCM, 'aes-256-gcm'],
  [OID_AES128_WRAP, 'aes128-wrap'],
  [OID_AES256_WRAP, 'aes256-wrap'],
  [OID_DES_EDE3_CBC, 'des-ede3-cbc'],
  [OID_RC2_CBC, 'rc2-cbc'],
  [OID_DES_CBC, 'des-cbc'],
  [OID_AT_COMMON_NAME, 'CN'],
  [OID_AT_SURNAME, 'SN'],
  [OID_AT_SERIAL_NUMBER, 'serialNumber'],
  [OID_AT_COUNTRY, 'C'],
  [OID_AT_LOCALITY, 'L'],
  [OID_AT_STATE, 'ST'],
  [OID_AT_STREET, 'street'],
  [OID_AT_ORGANIZATION, 'O'],
  [OID_AT_ORGANIZATIONAL_UNIT, 'OU'],
  [OID_AT_TITLE, 'title'],
  [OID_AT_BUSINESS_CATEGORY, 'businessCategory'],
  [OID_AT_POSTAL_CODE, 'postalCode'],
  [OID_AT_NAME, 'name'],
  [OID_AT_GIVEN_NAME, 'GN'],
  [OID_AT_INITIALS, 'initials'],
  [OID_AT_GENERATION_QUALIFIER, 'generationQualifier'],
  [OID_AT_DN_QUALIFIER, 'dnQualifier'],
  [OID_AT_PSEUDONYM, 'pseudonym'],
  [OID_AT_ORGANIZATION_IDENTIFIER, 'organizationIdentifier'],
  [OID_DOMAIN_COMPONENT, 'DC'],
  [OID_USER_ID, 'UID'],
  [OID_CE_SUBJECT_KEY_IDENTIFIER, 'subjectKeyIdentifier'],
  [OID_CE_KEY_USAGE, 'keyUsage'],
  [OID_CE_SUBJECT_ALT_NAME, 'subjectAltName'],
  [OID_CE_BASIC_CONSTRAINTS, 'basicConstraints'],
  [OID_CE_NAME_CONSTRAINTS, 'nameConstraints'],
  [OID_CE_CRL_DISTRIBUTION_POINTS, 'cRLDistributionPoints'],
  [OID_CE_CERTIFICATE_POLICIES, 'certificatePolicies'],
  [OID_CE_AUTHORITY_KEY_IDENTIFIER, 'authorityKeyIdentifier'],
  [OID_CE_EXT_KEY_USAGE, 'extKeyUsage'],
  [OID_PE_AUTHORITY_INFO_ACCESS, 'authorityInfoAccess'],
  [OID_ANY_EXTENDED_KEY_USAGE, 'anyExtendedKeyUsage'],
  [OID_KP_SERVER_AUTH, 'serverAuth'],
  [OID_KP_CLIENT_AUTH, 'clientAuth'],
  [OID_KP_CODE_SIGNING, 'codeSigning'],
  [OID_KP_EMAIL_PROTECTION, 'emailProtection'],
  [OID_KP_TIME_STAMPING, 'timeStamping'],
  [OID_KP_OCSP_SIGNING, 'OCSPSigning'],
]);

/** Returns the short name of `oid` for messages, or undefined when it is not one of the constants here. */
export function oidName(oid: string): string | undefined {
  return OID_NAMES.get(oid) ?? PKCS12_OID_NAMES.get(oid) ?? ENROLMENT_OID_NAMES.get(oid);
}

/** Returns `name (oid)` when the OID is known, the OID alone otherwise. */
export function describeOid(oid: string): string {
  const name = oidName(oid);
  return name ? `${name} (${oid})` : oid;
}

// ---------------------------------------------------------------------------------------------
// PKCS #12 and PKCS #5 (RFC 7292, RFC 8018): identity files. Used by shared/pkcs12 and
// electron/services/identity.

// Password-based encryption schemes of PKCS #12 (pkcs-12PbeIds), keyed by the PKCS #12 KDF.
export const OID_PBE_SHA1_RC4_128 = '1.2.840.113549.1.12.1.1'; // pbeWithSHAAnd128BitRC4
export const OID_PBE_SHA1_RC4_40 = '1.2.840.113549.1.12.1.2'; // pbeWithSHAAnd40BitRC4
export const OID_PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3'; // pbeWithSHAAnd3-KeyTripleDES-CBC
export const OID_PBE_SHA1_2DES = '1.2.840.113549.1.12.1.4'; // pbeWithSHAAnd2-KeyTripleDES-CBC
export const OID_PBE_SHA1_RC2_128 = '1.2.840.113549.1.12.1.5'; // pbeWithSHAAnd128BitRC2-CBC
export const OID_PBE_SHA1_RC2_40 = '1.2.840.113549.1.12.1.6'; // pbeWithSHAAnd40BitRC2-CBC

// PKCS #5 schemes and PBKDF2's pseudo-random functions.
export const OID_PBE_MD5_DES = '1.2.840.113549.1.5.3'; // pbeWithMD5AndDES-CBC (PBES1)
export const OID_PBE_SHA1_DES = '1.2.840.113549.1.5.10'; // pbeWithSHA1AndDES-CBC (PBES1)
export const OID_PBKDF2 = '1.2.840.113549.1.5.12'; // id-PBKDF2
export const OID_PBES2 = '1.2.840.113549.1.5.13'; // id-PBES2
export const OID_PBMAC1 = '1.2.840.113549.1.5.14'; // id-PBMAC1
export const OID_HMAC_SHA1 = '1.2.840.113549.2.7'; // id-hmacWithSHA1
export const OID_HMAC_SHA224 = '1.2.840.113549.2.8'; // id-hmacWithSHA224
export const OID_HMAC_SHA256 = '1.2.840.113549.2.9'; // id-hmacWithSHA256
export const OID_HMAC_SHA384 = '1.2.840.113549.2.10'; // id-hmacWithSHA384
export const OID_HMAC_SHA512 = '1.2.840.113549.2.11'; // id-hmacWithSHA512

// SafeBag types (bagtypes).
export const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1'; // keyBag
export const OID_PKCS8_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2'; // pkcs8ShroudedKeyBag
export const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3'; // certBag
export const OID_CRL_BAG = '1.2.840.113549.1.12.10.1.4'; // crlBag
export const OID_SECRET_BAG = '1.2.840.113549.1.12.10.1.5'; // secretBag
export const OID_SAFE_CONTENTS_BAG = '1.2.840.113549.1.12.10.1.6'; // safeContentsBag

// CertBag and CRLBag value types, and the PKCS #9 bag attributes.
export const OID_X509_CERTIFICATE = '1.2.840.113549.1.9.22.1'; // x509Certificate (certTypes)
export const OID_SDSI_CERTIFICATE = '1.2.840.113549.1.9.22.2'; // sdsiCertificate (certTypes)
export const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20'; // pkcs-9-at-friendlyName
export const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21'; // pkcs-9-at-localKeyId

const PKCS12_OID_NAMES: ReadonlyMap<string, string> = new Map([
  [OID_PBE_SHA1_RC4_128, 'pbeWithSHAAnd128BitRC4'],
  [OID_PBE_SHA1_RC4_40, 'pbeWithSHAAnd40BitRC4'],
  [OID_PBE_SHA1_3DES, 'pbeWithSHAAnd3-KeyTripleDES-CBC'],
  [OID_PBE_SHA1_2DES, 'pbeWithSHAAnd2-KeyTripleDES-CBC'],
  [OID_PBE_SHA1_RC2_128, 'pbeWithSHAAnd128BitRC2-CBC'],
  [OID_PBE_SHA1_RC2_40, 'pbeWithSHAAnd40BitRC2-CBC'],
  [OID_PBE_MD5_DES, 'pbeWithMD5AndDES-CBC'],
  [OID_PBE_SHA1_DES, 'pbeWithSHA1AndDES-CBC'],
  [OID_PBKDF2, 'PBKDF2'],
  [OID_PBES2, 'PBES2'],
  [OID_PBMAC1, 'PBMAC1'],
  [OID_HMAC_SHA1, 'hmacWithSHA1'],
  [OID_HMAC_SHA224, 'hmacWithSHA224'],
  [OID_HMAC_SHA256, 'hmacWithSHA256'],
  [OID_HMAC_SHA384, 'hmacWithSHA384'],
  [OID_HMAC_SHA512, 'hmacWithSHA512'],
  [OID_KEY_BAG, 'keyBag'],
  [OID_PKCS8_SHROUDED_KEY_BAG, 'pkcs8ShroudedKeyBag'],
  [OID_CERT_BAG, 'certBag'],
  [OID_CRL_BAG, 'crlBag'],
  [OID_SECRET_BAG, 'secretBag'],
  [OID_SAFE_CONTENTS_BAG, 'safeContentsBag'],
  [OID_X509_CERTIFICATE, 'x509Certificate'],
  [OID_SDSI_CERTIFICATE, 'sdsiCertificate'],
  [OID_FRIENDLY_NAME, 'friendlyName'],
  [OID_LOCAL_KEY_ID, 'localKeyId'],
]);

// ---------------------------------------------------------------------------------------------
// Certificate requests and SCEP (RFC 2985, RFC 2986, RFC 8894): the enrolment workbench's CA
// and SCEP endpoint. Used by electron/services/pki and electron/services/enrolment.

// PKCS #9 attributes inside a PKCS #10 CertificationRequestInfo.
export const OID_CHALLENGE_PASSWORD = '1.2.840.113549.1.9.7'; // pkcs-9-at-challengePassword
export const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14'; // pkcs-9-at-extensionRequest

// SCEP signed attributes (id-attributes under the VeriSign arc, RFC 8894 section 3.2.1).
export const OID_SCEP_MESSAGE_TYPE = '2.16.840.1.113733.1.9.2'; // id-messageType
export const OID_SCEP_PKI_STATUS = '2.16.840.1.113733.1.9.3'; // id-pkiStatus
export const OID_SCEP_FAIL_INFO = '2.16.840.1.113733.1.9.4'; // id-failInfo
export const OID_SCEP_SENDER_NONCE = '2.16.840.1.113733.1.9.5'; // id-senderNonce
export const OID_SCEP_RECIPIENT_NONCE = '2.16.840.1.113733.1.9.6'; // id-recipientNonce
export const OID_SCEP_TRANSACTION_ID = '2.16.840.1.113733.1.9.7'; // id-transactionID

const ENROLMENT_OID_NAMES: ReadonlyMap<string, string> = new Map([
  [OID_CHALLENGE_PASSWORD, 'challengePassword'],
  [OID_EXTENSION_REQUEST, 'extensionRequest'],
  [OID_SCEP_MESSAGE_TYPE, 'messageType'],
  [OID_SCEP_PKI_STATUS, 'pkiStatus'],
  [OID_SCEP_FAIL_INFO, 'failInfo'],
  [OID_SCEP_SENDER_NONCE, 'senderNonce'],
  [OID_SCEP_RECIPIENT_NONCE, 'recipientNonce'],
  [OID_SCEP_TRANSACTION_ID, 'transactionID'],
]);
