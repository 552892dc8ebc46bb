import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/audit/schema.js';
import { createTestApp, makeOrg, type Session, type TestContext } from '../helpers/test-app.js';
import { loginAs } from './workspace-helpers.js';

type Shown = { de: string; en: string | null; text: string };
type Guidelines = {
  orgId: string;
  source: 'own' | 'inherited' | 'default';
  setBy: { id: string; name: string } | null;
  updatedAt: string | null;
  documentUrl: string | null;
  dos: Shown[];
  donts: Shown[];
  privacy: Shown[];
  canEdit: boolean;
};

// From a state executive's resolution on AI tools in political work (seed 002).
const stateGuidelines = {
  dos: [
    { de: 'Kennzeichnen Sie KI-erstellte Bilder im Bildnachweis und nennen Sie die Eingaben (Prompts).', en: 'Credit AI-made images as such and name the prompts.' },
    { de: 'Halten Sie Fehler beim Einsatz von KI fest, damit wir daraus lernen.', en: null },
  ],
  donts: [{ de: 'Keine grob irreführenden KI-Bilder, die wie Fotos echter Ereignisse wirken.', en: 'No grossly misleading AI images that look like photos of real events.' }],
  privacy: [{ de: 'Mitgliederdaten gehören nicht in externe KI-Dienste.', en: '' }],
  documentUrl: 'https://www.dielinke-sachsen.de/beschluss-ki-leitlinien',
};

let t: TestContext;
let state: { id: string; name: string };
let county: { id: string; name: string };
let other: { id: string; name: string };
let adminState: Session;
let dpoCounty: Session;
let memberCounty: { session: Session; email: string };
let memberState: Session;

beforeAll(async () => {
  t = await createTestApp();
  state = await makeOrg(t.services, 'gl-land');
  county = await makeOrg(t.services, 'gl-kreis', state.id);
  other = await makeOrg(t.services, 'gl-andere');
  adminState = (await loginAs(t, state.id, ['admin'])).session;
  dpoCounty = (await loginAs(t, county.id, ['dpo'])).session;
  memberCounty = await loginAs(t, county.id, ['member']);
  memberState = (await loginAs(t, state.id, ['member'])).session;
});
afterAll(async () => t?.close());

const read = async (session: Session, orgId: string, headers: Record<string, string> = {}) => {
  const response = await session.request('GET', `/api/workspace/guidelines/${orgId}`, undefined, headers);
  expect(response.statusCode).toBe(200);
  return response.json<Guidelines>();
};

describe('organisation AI guidelines on the help page', () => {
  it("shows Leitplanke's defaults until the organisation or a parent sets its own", async () => {
    expect(await read(memberCounty.session, county.id)).toMatchObject({ source: 'default', setBy: null, updatedAt: null, dos: [], donts: [], privacy: [], canEdit: false });
    expect((await read(adminState, state.id)).canEdit).toBe(true);
  });

  it('an admin sets them, members see them, and the change is audited in the same transaction', async () => {
    const response = await adminState.request('PUT', `/api/workspace/guidelines/${state.id}`, stateGuidelines);
    expect(response.statusCode).toBe(200);
    expect(response.json<Guidelines>()).toMatchObject({ source: 'own', setBy: { id: state.id, name: state.name } });

    const seen = await read(memberState, state.id);
    expect(seen.source).toBe('own');
    expect(seen.canEdit).toBe(false);
    expect(seen.dos.map((item) => item.text)).toEqual(stateGuidelines.dos.map((item) => item.de));
    expect(seen.donts[0]!.text).toBe('Keine grob irreführenden KI-Bilder, die wie Fotos echter Ereignisse wirken.');
    expect(seen.privacy).toEqual([{ de: 'Mitgliederdaten gehören nicht in externe KI-Dienste.', en: null, text: 'Mitgliederdaten gehören nicht in externe KI-Dienste.' }]);
    expect(seen.documentUrl).toBe(stateGuidelines.documentUrl);
    expect(Date.now() - new Date(seen.updatedAt!).getTime()).toBeLessThan(60_000);

    const [entry] = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'workspace.guidelines.update'));
    expect(entry).toMatchObject({ orgId: state.id, targetType: 'guidelines', targetId: state.id, metadata: { dos: 2, donts: 1, privacy: 1 } });
  });

  it('English falls back to German where no English text is given', async () => {
    const english = await read(memberState, state.id, { 'accept-language': 'en' });
    expect(english.dos.map((item) => item.text)).toEqual(['Credit AI-made images as such and name the prompts.', 'Halten Sie Fehler beim Einsatz von KI fest, damit wir daraus lernen.']);
    expect(english.privacy[0]!.text).toBe('Mitgliederdaten gehören nicht in externe KI-Dienste.');
  });

  it('a sub-organisation inherits its parent’s guidelines until it sets its own; other organisations do not', async () => {
    const inherited = await read(memberCounty.session, county.id);
    expect(inherited).toMatchObject({ source: 'inherited', setBy: { id: state.id, name: state.name } });
    expect(inherited.donts.map((item) => item.de)).toEqual(stateGuidelines.donts.map((item) => item.de));
    expect((await read((await loginAs(t, other.id, ['member'])).session, other.id)).source).toBe('default');

    // The county's data-protection officer sets the county's own; the state's stay as they were.
    const own = { dos: [{ de: 'Fragen Sie die Kreisgeschäftsstelle, bevor Sie KI für Mitgliederbriefe nutzen.' }], donts: [], privacy: [{ de: 'Keine Namen aus Mitgliederversammlungen eingeben.', en: 'Do not enter names from members’ meetings.' }] };
    expect((await dpoCounty.request('PUT', `/api/workspace/guidelines/${county.id}`, own)).statusCode).toBe(200);
    const countyView = await read(memberCounty.session, county.id);
    expect(countyView).toMatchObject({ source: 'own', setBy: { id: county.id }, documentUrl: null, donts: [] });
    expect(countyView.dos[0]!.text).toBe('Fragen Sie die Kreisgeschäftsstelle, bevor Sie KI für Mitgliederbriefe nutzen.');
    expect((await read(memberState, state.id)).dos).toHaveLength(2);

    // Removing the county's own brings back the state's.
    const reset = await dpoCounty.request('DELETE', `/api/workspace/guidelines/${county.id}`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json<Guidelines>()).toMatchObject({ source: 'inherited', setBy: { id: state.id } });
  });

  it('members may not edit them (403), and an admin of a sub-organisation may not edit the parent’s', async () => {
    const denied = await memberCounty.session.request('PUT', `/api/workspace/guidelines/${county.id}`, stateGuidelines);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect((await dpoCounty.request('PUT', `/api/workspace/guidelines/${state.id}`, stateGuidelines)).statusCode).toBe(403);
    expect((await memberCounty.session.request('DELETE', `/api/workspace/guidelines/${state.id}`)).statusCode).toBe(403);
    expect((await read(memberState, state.id)).dos).toHaveLength(2);
  });

  it('rejects an empty item and a link that is not a web address, naming the field', async () => {
    const empty = await adminState.request('PUT', `/api/workspace/guidelines/${state.id}`, { ...stateGuidelines, donts: [{ de: 'Gut', en: null }, { de: '   ', en: 'Empty German' }] });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['body.donts.1.de']);

    const link = await adminState.request('PUT', `/api/workspace/guidelines/${state.id}`, { ...stateGuidelines, documentUrl: 'javascript:alert(1)' });
    expect(link.statusCode).toBe(400);
    expect(link.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['body.documentUrl']);
    expect((await read(memberState, state.id)).donts).toHaveLength(1);
  });
});
