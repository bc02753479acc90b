// Drops files on the page as the desktop would: a DragEvent sequence (dragenter, dragover,
// drop) on the window whose DataTransfer carries File objects. The renderer's real drop handler
// runs and hands the Files to inspectDroppedFiles, which the stand-in preload resolves to the
// paths registered here by file name.

import path from 'node:path';

import type { AppSession } from './app-session.ts';

/** Drops `paths` (files or folders) on the window; each base name must be unique in the session. */
export async function dropPaths(session: AppSession, paths: readonly string[]): Promise<void> {
  const names = paths.map((file) => {
    const name = path.basename(file);
    const known = session.dropPaths.get(name);
    if (known !== undefined && known !== file) throw new Error(`Two dropped paths share the name ${name}: ${known} and ${file}; give them different names.`);
    session.dropPaths.set(name, file);
    return name;
  });

  await session.page.evaluate((fileNames) => {
    const transfer = new DataTransfer();
    for (const name of fileNames) transfer.items.add(new File([], name));
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragenter', init));
    target.dispatchEvent(new DragEvent('dragover', init));
    target.dispatchEvent(new DragEvent('drop', init));
  }, names);
}
