import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../src/identity/roles.js';
import type { OrgNode } from '../../../src/identity/org-directory.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, makeApiKey, makeOrg, makeUser, Session, type TestContext } from '../../helpers/test-app.js';

/**
 * The tenant layout every authorisation test runs against:
 *   root ─┬─ A (state) ── A1 (local)
 *         └─ B (state, the "foreign" organisation)
 * Requests target A; principals hold roles at A, below it (A1) or beside it (B).
 */
export type Fixture = { root: OrgNode; A: OrgNode; A1: OrgNode; B: OrgNode; t: TestContext };

export type PrincipalSpec = {
  name: string;
  /** where the role is held: 'A' (the target), 'A1' (a child of the target), 'B' (a sibling), 'root' */
  at?: 'root' | 'A' | 'A1' | 'B';
  role?: Role;
  via?: 'session' | 'apikey';
};

export const principals: PrincipalSpec[] = [
  { name: 'anonymous' },
  { name: 'member@A', at: 'A', role: 'member' },
  { name: 'staff@A', at: 'A', role: 'staff' },
  { name: 'reviewer@A', at: 'A', role: 'reviewer' },
  { name: 'dpo@A', at: 'A', role: 'dpo' },
  { name: 'admin@A', at: 'A', role: 'admin' },
  { name: 'admin@A1 (child)', at: 'A1', role: 'admin' },
  { name: 'admin@B (foreign)', at: 'B', role: 'admin' },
  { name: 'apikey admin@A', at: 'A', role: 'admin', via: 'apikey' },
  { name: 'apikey member@A', at: 'A', role: 'member', via: 'apikey' },
  { name: 'admin@root', at: 'root', role: 'admin' },
  { name: 'reviewer@root', at: 'root', role: 'reviewer' },
];

export type Client = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export async function buildFixture(t: TestContext): Promise<Fixture> {
  const root = (await t.services.orgs.root())!;
  const A = await makeOrg(t.services, 'authz-a', root.id);
  const A1 = await makeOrg(t.services, 'authz-a1', A.id);
  const B = await makeOrg(t.services, 'authz-b', root.id);
  return { root, A, A1, B, t };
}

/** A client that sends requests as the given principal (cookie + CSRF, or bearer key). */
export async function clientFor(fixture: Fixture, spec: PrincipalSpec): Promise<Client> {
  const { app, services } = fixture.t;
  if (!spec.at || !spec.role) return (options) => app.inject(options);
  const org = fixture[spec.at];
  if (spec.via === 'apikey') {
    const { key } = await makeApiKey(services, org.id, spec.role);
    return (options) => app.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } });
  }
  const session =
    spec.at === 'root' && spec.role === 'admin'
      ? await Session.login(app, ADMIN_EMAIL, ADMIN_PASSWORD)
      : await (async () => {
          const user = await makeUser(services, org.id, [spec.role!]);
          return Session.login(app, user.email, user.password);
        })();
  return (options) =>
    app.inject({ ...options, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...options.headers } });
}

/** Holds `role` at A or above it: the normal inheritance rule for routes on A. */
export function holdsAtA(spec: PrincipalSpec, allowed: readonly Role[]): boolean {
  return (spec.at === 'A' || spec.at === 'root') && !!spec.role && allowed.includes(spec.role);
}
