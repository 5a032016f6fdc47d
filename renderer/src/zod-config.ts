import { z } from 'zod';

// The CSP forbids eval; without this zod probes `new Function` and trips a CSP report. Its own
// module, imported first by main.tsx: modules that parse while they load (before main.tsx's body
// runs) must already see it.
z.config({ jitless: true });
