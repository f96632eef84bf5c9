// Imported first by the SPA's entry, before any schema exists: the gateway's Content-Security-Policy
// forbids eval (server/http/security-headers.ts), and zod decides when each schema is built whether
// to compile a fast validator with `new Function` — so it must be told before, not after. Measured
// in Node: a 5,000-change batch validates in 4 ms instead of 1 ms.
import { z } from 'zod';

z.config({ jitless: true });
