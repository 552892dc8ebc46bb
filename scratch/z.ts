import { z } from 'zod';
const de = z.locales.de().localeError;
const s = z.object({ a: z.string().min(3), b: z.number(), c: z.string().regex(/x/, 'custom msg'), e: z.email() });
const r = s.safeParse({ a: 'x', b: 'y', c: 'zz', e: 'bad' });
if (!r.success) for (const issue of r.error.issues) console.log(issue.code, JSON.stringify(issue), '=>', de(issue as any));
