/**
 * The Content-Security-Policy (docs/architecture.md, "Secure by default"). Scripts and styles are allowed only from the
 * site itself or by hash — never 'unsafe-inline' or 'unsafe-eval'. Astro adds the hashes of the
 * scripts and styles it emits to a <meta> policy on every page; host headers (hostHeaders.ts)
 * repeat the policy with the directives a <meta> cannot carry (frame-ancestors, CSP §6.4.2).
 */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/** Only valid in an HTTP header: a <meta> policy ignores it and Chromium warns. */
export const headerOnlyDirectives = ["frame-ancestors 'none'", 'upgrade-insecure-requests'] as const;

/**
 * Pagefind reads its index with WebAssembly, compiled in its worker (or on the page where workers
 * are unavailable). CSP3's 'wasm-unsafe-eval' allows compiling WebAssembly and nothing else (no
 * eval()); it is given only to the search page and to Pagefind's own files, in the page's <meta>
 * policy (src/routes/search/index.astro) and in the host headers (hostHeaders.ts).
 */
export const wasmScriptSource = "'wasm-unsafe-eval'";

/** The folders, relative to the base path, whose files need `wasmScriptSource`. */
export const searchFolders = ['search/', 'pagefind/'] as const;
