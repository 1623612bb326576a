import { config } from 'zod/v4/core';

// Zod compiles object parsers with `new Function` unless told not to. The app is served with
// `script-src 'self'` (no 'unsafe-eval'), so the probe alone is reported as a CSP violation.
// This must run before any schema is built, hence its own module, imported first by main.tsx.
config({ jitless: true });
