// Who may call the main process: only the main frame of one of our windows, showing our app.
//
// A sub-frame, a window we did not create, or a page that navigated away (navigation is
// blocked, but this check does not rely on that) is refused before any argument is read.

export interface SenderInfo {
  /** `webContents.id` of the calling window. */
  readonly webContentsId: number;
  /** True when the call came from the top-level frame. */
  readonly isMainFrame: boolean;
  /** URL of the calling frame. */
  readonly frameUrl: string;
}

export interface SenderPolicy {
  /** Origins the renderer is served from: the app protocol's, or the dev server's. */
  readonly allowedOrigins: readonly string[];
  /** True for the webContents of windows this app created. */
  isOurWindow(webContentsId: number): boolean;
}

/** Returns null when `sender` may call, otherwise the reason it may not (for the log). */
export function senderRefusal(sender: SenderInfo, policy: SenderPolicy): string | null {
  if (!policy.isOurWindow(sender.webContentsId)) return 'the caller is not one of the app windows';
  if (!sender.isMainFrame) return 'the caller is a sub-frame';

  const origin = originOf(sender.frameUrl);
  if (origin === null) return 'the caller URL is not a valid URL';
  if (!policy.allowedOrigins.includes(origin)) return `the caller origin ${origin} is not the app's`;
  return null;
}

/**
 * Returns the origin of `url`, or null when it does not parse. WHATWG URL gives the opaque
 * origin "null" for custom schemes, so those are built from scheme and host instead.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}
