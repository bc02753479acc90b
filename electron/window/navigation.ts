// Checks of the renderer's load origin, kept apart from Electron so that tests run them.

/**
 * Returns the dev server origin when `value` is an http URL on loopback, and null otherwise:
 * the app must never load its renderer from another host.
 */
export function loopbackDevServer(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
  if (url.protocol !== 'http:' || !loopback) return null;
  return url.origin;
}
