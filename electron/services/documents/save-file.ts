// Writing a document: XML only, checked before it replaces anything, atomically with a backup.

import { writeFileAtomic } from '../files/atomic-write.ts';
import { parseXmlPlistText } from '../../../shared/plist/xml/reader.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';

/**
 * Writes `text` to `filePath` after checking that it is a well-formed XML plist, so that a
 * half-typed document never replaces a good file. Raises PlistError for bad text and
 * FileWriteError when the write fails; the file on disk is unchanged in both cases.
 */
export async function saveDocumentText(filePath: string, text: string): Promise<void> {
  parseXmlPlistText(text, { file: filePath });
  await writeFileAtomic(filePath, encodeUtf8(text), { backup: true });
}
