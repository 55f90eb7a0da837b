// The Content-Security-Policy the viewer is built to work under, as the
// README's hosting section gives it: no inline script or style, no eval.
export const POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
