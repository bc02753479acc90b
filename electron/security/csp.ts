// The renderer's Content Security Policy, in one place for the built app, the dev server and
// the end-to-end tests.
//
// Scripts and workers load only from the app itself: no inline script, no eval (Monaco runs
// without it), nothing remote. Styles allow inline because Monaco and React set style
// attributes and Monaco injects <style> elements at run time. `blob:` workers are allowed
// because bundlers may wrap a worker script in a blob URL.

const BASE_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

/** Returns the policy for the built renderer. */
export function productionCsp(): string {
  return BASE_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * Returns the policy for the Vite dev server on loopback. It adds a WebSocket back to the
 * server for hot reload and inline scripts for the React refresh preamble, so a built app
 * never uses it.
 */
export function developmentCsp(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return BASE_DIRECTIVES.map(([name, value]) => {
    if (name === 'script-src') return `${name} ${value} 'unsafe-inline'`;
    if (name === 'connect-src') return `${name} ${value} ${ws}`;
    return `${name} ${value}`;
  }).join('; ');
}
