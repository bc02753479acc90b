// Sends dropped files to the main process through the preload's inspectDroppedFiles, which
// resolves their paths; the page itself never names a path.

import type { MobileconfigApi } from '../../shared/ipc/contract.ts';
import { IpcCallError } from '../ipc/client.ts';
import type { DropInspector } from './inspection-store.ts';

export function dropInspectorOf(api: MobileconfigApi): DropInspector {
  return async (files) => {
    const result = await api.inspectDroppedFiles(files);
    if (result.ok) return result.value;
    throw new IpcCallError('inspect.dropped', result.error.code, result.error.message);
  };
}
