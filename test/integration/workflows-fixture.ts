import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, makeUser, Session } from '../helpers/test-app.js';
import type { ComposeOptions } from '../../src/server/compose.js';

/** An organisation with a case worker, an administrator, a member and a staff API key, and a scripted draft model. */
export type WorkflowFixture = GatewayFixture & {
  orgId: string;
  staff: Session;
  admin: Session;
  member: Session;
  staffKey: string;
  outbox(): { file: string; text: string }[];
};

export const DRAFT_MODEL = 'entwurf-test';

export const subsidyApplication = {
  verein_name: 'TSV Musterstadt 1890 e. V.',
  sitz_in_gemeinde: true,
  gemeinnuetzig: true,
  freistellungsbescheid_datum: '2024-06-12',
  mitglieder_gesamt: 240,
  mitglieder_unter_18: 40,
  vorhaben_art: 'jugendarbeit',
  vorhaben_beschreibung:
    'Ein Zeltlager für die Jugendabteilung mit Trainingseinheiten, Ausflügen und einer Schulung für Jugendleiterinnen und Jugendleiter.',
  vorhaben_beginn: '2026-07-20',
  antrag_eingang: '2026-03-02',
  gesamtkosten: 4000,
  eigenmittel: 800,
  andere_zuschuesse: 1000,
  beantragter_betrag: 2200,
  anlagen: ['satzung', 'freistellungsbescheid', 'kostenplan'],
  kontakt_email: 'jugend@tsv-musterstadt.example',
};

export const motion = {
  titel: 'Sichere Radwege in allen Kreisstädten',
  sachgebiet: 'programm',
  antragsteller_art: 'gliederung',
  antragsteller_name: 'Kreisverband Musterkreis',
  verband_zugehoerig: true,
  beschluss_datum: '2026-09-15',
  eingang: '2026-09-30',
  antragstext:
    'Der Landesparteitag möge beschließen: Wir setzen uns für durchgehende, baulich getrennte Radwege ein.',
  begruendung: 'Viele Menschen würden gern mit dem Rad fahren.',
  kontakt_email: 'kv-musterkreis@partei.example',
};

let counter = 0;

export async function createWorkflowFixture(
  options: Omit<ComposeOptions, 'database' | 'logger'> = {},
): Promise<WorkflowFixture> {
  const f = await createGatewayFixture({}, options);
  await f.addModel(DRAFT_MODEL);
  f.upstream.script(DRAFT_MODEL, {
    reply: () =>
      'Betreff: Ihr Antrag\n\nSehr geehrte Damen und Herren,\nwir bewilligen den Zuschuss.\n\nMit freundlichen Grüßen',
  });
  const org = await makeOrg(f.services, `wf-${++counter}-${Date.now() % 100000}`);
  const login = async (roles: Parameters<typeof makeUser>[2]) => {
    const user = await makeUser(f.services, org.id, roles);
    return Session.login(f.app, user.email, user.password);
  };
  const [staff, admin, member] = [await login(['staff']), await login(['admin']), await login(['member'])];
  const { key: staffKey } = await makeApiKey(f.services, org.id, 'staff');
  const outboxDir = path.join(f.dataDir, 'outbox');
  return {
    ...f,
    orgId: org.id,
    staff,
    admin,
    member,
    staffKey,
    outbox: () => {
      try {
        return readdirSync(outboxDir).map((file) => ({
          file,
          text: readFileSync(path.join(outboxDir, file), 'utf8'),
        }));
      } catch {
        return [];
      }
    },
  };
}
