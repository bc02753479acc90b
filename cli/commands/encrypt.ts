// `mobileconfig encrypt IN (-o OUT --recipient PEM... | --recipients-dir DIR --out-dir DIR) [--cipher ...] [signing options]`

import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  CONTENT_CIPHERS,
  DEFAULT_CONTENT_CIPHER,
  prepareProfileEncryption,
  sign,
  SIGNING_DIGESTS,
  type ContentCipherName,
  type ProfileEncryptor,
  type SigningDigest,
} from '../../electron/services/cms/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { loadCertificates, type Identity } from '../../electron/services/identity/index.ts';
import { recipientFileName } from '../../electron/services/export/file-names.ts';
import { parseChoice, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { hasIdentityOptions, IDENTITY_HELP, IDENTITY_OPTIONS, loadIdentity } from '../identity-options.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { ensureOutputIsNotInput, openProfileInput } from '../profile-input.ts';
import { describeFailure, exitCodeFor } from '../report-error.ts';
import { CertificateOptionError, loadCertificateOption } from './trust-anchors.ts';
import { MAX_PLIST_BYTES } from '../../shared/plist/limits.ts';

const HELP = `Usage: mobileconfig encrypt IN -o OUT --recipient FILE... [--cipher NAME] [signing options]
       mobileconfig encrypt IN --recipients-dir DIR --out-dir DIR [--cipher NAME] [signing options]

Encrypts the PayloadContent of a profile for device certificates: the payload array is written
as its own plist, encrypted as CMS EnvelopedData (RSA PKCS#1 v1.5 key transport, which is what
Apple devices unwrap; recipients by issuer and serial number) and stored as data under
EncryptedPayloadContent. The other top-level keys stay readable. With an identity the result is
then signed (encrypt first, then sign, as devices expect).

Options:
  -o, --output FILE       where to write (with --recipient)
  --recipient FILE        a recipient's certificate, PEM or DER; repeat for several recipients
                          in one file
  --recipients-dir DIR    batch mode: one encrypted profile per certificate found in DIR
                          (*.pem, *.crt, *.cer, *.der); a bad certificate is reported and skipped
  --out-dir DIR           batch mode: where the files go, named after each certificate's
                          common name and serial number
  --cipher NAME           aes-256-cbc (default), aes-128-cbc or des-ede3-cbc
  --digest NAME           signing digest when signing: sha256 (default), sha384, sha512

${IDENTITY_HELP}
Exit codes: 0 all written, 1 IN, a certificate or a write failed (batch mode still writes the
others), 2 usage error.
`;

export const encryptCommand: Command = {
  name: 'encrypt',
  summary: 'encrypt a profile for device certificates (and optionally sign it)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('encrypt', args, {
      output: { type: 'string', short: 'o' },
      recipient: { type: 'string', multiple: true },
      'recipients-dir': { type: 'string' },
      'out-dir': { type: 'string' },
      cipher: { type: 'string' },
      digest: { type: 'string' },
      ...IDENTITY_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('encrypt: give exactly one input file.');
    const batch = values['recipients-dir'] !== undefined || values['out-dir'] !== undefined;
    if (batch && (!values['recipients-dir'] || !values['out-dir'])) throw new UsageError('encrypt: --recipients-dir and --out-dir go together.');
    if (batch && (values.output || values.recipient)) throw new UsageError('encrypt: use either -o with --recipient, or --recipients-dir with --out-dir.');
    if (!batch && !values.output) throw new UsageError('encrypt: -o OUT is required.');
    if (!batch && !values.recipient?.length) throw new UsageError('encrypt: give at least one --recipient certificate.');
    const cipher = parseChoice<ContentCipherName>('encrypt', 'cipher', values.cipher, CONTENT_CIPHERS, DEFAULT_CONTENT_CIPHER);
    const digest = parseChoice<SigningDigest>('encrypt', 'digest', values.digest, SIGNING_DIGESTS, 'sha256');
    const input = positionals[0];

    const signing = hasIdentityOptions(values);
    if (!batch) ensureOutputIsNotInput('encrypt', values.output!, [values.identity, values.cert, values.key, values['passphrase-file'], ...(values.chain ?? []), ...(values.recipient ?? [])]);

    let encryptor: ProfileEncryptor;
    let signer: Identity | undefined;
    try {
      // Read and check the profile once; each recipient set then costs only its envelope.
      const document = await openProfileInput(input, io, signing ? 'replaced' : 'dropped');
      if (document.signed) io.stderr(`${input}: note: the file's signature is not kept inside the encrypted profile${signing ? '; the result is signed anew' : '; the result is unsigned (add an identity to sign it)'}.\n`);
      encryptor = prepareProfileEncryption(document.plistBytes, { cipher, file: input });
      signer = signing ? await loadIdentity(values, io) : undefined;
    } catch (error) {
      io.stderr(`${describeFailure(input, error)}\n`);
      return exitCodeFor(error);
    }

    const seal = (recipients: Uint8Array[]): Uint8Array => {
      const encrypted = encryptor.encryptFor(recipients);
      const sealed = signer ? sign(encrypted, signer, { digest }).der : encrypted;
      // Encryption grows a profile by a third or more; refuse what no reader here would open again.
      if (sealed.length > MAX_PLIST_BYTES) {
        throw new Error(`the encrypted profile would be ${sealed.length} bytes, over the ${MAX_PLIST_BYTES}-byte limit for profiles, so it was not written; make the profile smaller (large data payloads such as fonts or packages belong in separate profiles)`);
      }
      return sealed;
    };

    if (batch) return encryptForEach(input, values['recipients-dir']!, values['out-dir']!, seal, io);

    try {
      const recipients = await loadCertificateOption('recipient', values.recipient!, io);
      await writeFileAtomic(path.resolve(values.output!), seal(recipients));
      io.stderr(`Encrypted ${input} for ${recipients.length} recipient${recipients.length === 1 ? '' : 's'} (${cipher})${signer ? ' and signed it' : ''} -> ${values.output}\n`);
      return EXIT_OK;
    } catch (error) {
      // A --recipient file that cannot be read is reported with its option, not as a failure of IN.
      const message = error instanceof CertificateOptionError ? `mobileconfig encrypt: ${error.message}` : describeFailure(input, error);
      io.stderr(`${message}\n`);
      return exitCodeFor(error);
    }
  },
};

const CERTIFICATE_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der']);

/** Output files written at once in batch mode: Node's file-system thread pool has 4 threads by default. */
const MAX_PENDING_WRITES = 4;

/** Batch mode: one output per certificate in `dir`; failures are reported and skipped. */
async function encryptForEach(input: string, dir: string, outDir: string, seal: (recipients: Uint8Array[]) => Uint8Array, io: CliIo): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => CERTIFICATE_EXTENSIONS.has(path.extname(name).toLowerCase())).sort();
  } catch (error) {
    io.stderr(`${describeFailure(dir, error)}\n`);
    return EXIT_FILE_FAILED;
  }
  if (names.length === 0) {
    io.stderr(`${dir}: no certificate files (*.pem, *.crt, *.cer, *.der) found.\n`);
    return EXIT_FILE_FAILED;
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    io.stderr(`${describeFailure(outDir, error)} (the output folder could not be created)\n`);
    return EXIT_FILE_FAILED;
  }

  const used = new Set<string>();
  const failed = new Set<string>();
  let written = 0;
  const report = (progress: string, certFile: string, error: unknown): void => {
    failed.add(certFile);
    io.stderr(`${progress} ${describeFailure(certFile, error)} (skipped)\n`);
  };

  // Each atomic write waits for its fsync (about 12 ms on a virtual disk, more than the
  // encryption itself), so a few writes stay in flight while the next profiles are encrypted.
  const writes = new Set<Promise<void>>();
  for (const [index, name] of names.entries()) {
    const certFile = path.join(dir, name);
    const progress = `[${index + 1}/${names.length}]`;
    try {
      for (const der of loadCertificates(await io.readFile(certFile), certFile)) {
        const outFile = path.join(outDir, recipientFileName(der, used));
        const write = writeFileAtomic(path.resolve(outFile), seal([der])).then(
          () => {
            written++;
            io.stderr(`${progress} ${name} -> ${outFile}\n`);
          },
          (error: unknown) => report(progress, certFile, error),
        );
        writes.add(write);
        void write.finally(() => writes.delete(write));
        if (writes.size >= MAX_PENDING_WRITES) await Promise.race(writes);
      }
    } catch (error) {
      report(progress, certFile, error);
    }
  }
  await Promise.all(writes);
  const failures = failed.size;

  io.stderr(`Encrypted ${input} for ${written} device${written === 1 ? '' : 's'}; ${failures} certificate file${failures === 1 ? '' : 's'} skipped.\n`);
  return failures === 0 ? EXIT_OK : EXIT_FILE_FAILED;
}
