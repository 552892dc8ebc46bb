import { describe, expect, it } from 'vitest';
import { draftRequest } from './draft-request.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { normaliseInput } from './form-input.js';
import { loadDefinitionDir, shippedDefinitionsDir } from './load-definitions.js';

/**
 * Table tests for the shipped definitions: each row changes a complete application and names the
 * rule results, the computed amount and the suggested outcome the rules must produce.
 */
const shipped = new Map(
  loadDefinitionDir(shippedDefinitionsDir, 'shipped').map((loaded) => [
    loaded.definition.id,
    loaded.definition,
  ]),
);
const subsidy = shipped.get('vereinsfoerderung')!;
const motion = shipped.get('parteitag-antrag')!;

function run(
  definition: typeof subsidy,
  raw: Record<string, unknown>,
): Evaluation & { passed: Record<string, boolean | null>; value: Record<string, unknown> } {
  const { input, issues } = normaliseInput(definition, raw);
  expect(issues).toEqual([]);
  const evaluation = evaluate(definition, input);
  for (const rule of evaluation.rules) expect(rule.error, rule.id).toBeUndefined();
  return {
    ...evaluation,
    passed: Object.fromEntries(evaluation.rules.map((rule) => [rule.id, rule.passed])),
    value: Object.fromEntries(evaluation.computed.map((entry) => [entry.id, entry.value])),
  };
}

describe('the shipped definitions', () => {
  it('load, validate and differ in their hashes', () => {
    expect([...shipped.keys()].sort()).toEqual(['parteitag-antrag', 'vereinsfoerderung']);
    const hashes = loadDefinitionDir(shippedDefinitionsDir, 'shipped').map((loaded) => loaded.hash);
    expect(new Set(hashes).size).toBe(2);
    expect(subsidy.approval.roles).toEqual(['staff']);
    expect(motion.approval.roles).toEqual(['admin']);
  });
});

describe('Vereinsförderung', () => {
  const complete = {
    verein_name: 'TSV Musterstadt 1890 e. V.',
    vereinsregister: 'VR 1234, Amtsgericht Musterstadt',
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
    ansprechperson: 'Alex Beispiel',
    kontakt_email: 'jugend@tsv-musterstadt.example',
  };

  it('approves a complete, eligible application with the amount applied for', () => {
    const result = run(subsidy, complete);
    expect(result.rules.filter((rule) => rule.passed === false)).toEqual([]);
    expect(result.value).toMatchObject({
      anteilsbetrag: 2000,
      jugendzuschlag: 600,
      finanzierungsluecke: 2200,
      foerderbetrag: 2200,
    });
    expect(result.outcome.id).toBe('bewilligung');
    expect(result.outcome.instruction).toMatch(/über 2\.200,00\s€/);
    expect(result.passed.angebote_beigefuegt).toBeNull();
  });

  type Row = {
    name: string;
    change: Record<string, unknown>;
    expect: Record<string, boolean | null>;
    outcome: string;
    amount?: number;
  };
  const rows: Row[] = [
    {
      name: 'amount above the 50 % share is a hint and is cut',
      change: {
        vorhaben_art: 'veranstaltung',
        eigenmittel: 400,
        andere_zuschuesse: 0,
        beantragter_betrag: 3600,
      },
      expect: { betrag_im_rahmen: false, eigenanteil: true },
      outcome: 'bewilligung',
      amount: 2000,
    },
    {
      name: 'the maximum grant caps the amount',
      change: {
        vorhaben_art: 'veranstaltung',
        gesamtkosten: 20000,
        eigenmittel: 5000,
        andere_zuschuesse: 5000,
        beantragter_betrag: 10000,
      },
      expect: { betrag_im_rahmen: false },
      outcome: 'bewilligung',
      amount: 5000,
    },
    {
      name: 'youth supplement is capped at 1,000 €',
      change: {
        mitglieder_unter_18: 90,
        gesamtkosten: 5000,
        eigenmittel: 500,
        andere_zuschuesse: 0,
        beantragter_betrag: 4500,
      },
      expect: { betrag_im_rahmen: false },
      outcome: 'bewilligung',
      amount: 2500 + 1000,
    },
    {
      name: 'amounts in cents are rounded down to whole euros',
      change: {
        vorhaben_art: 'veranstaltung',
        gesamtkosten: 1001.5,
        eigenmittel: 200.5,
        andere_zuschuesse: 0,
        beantragter_betrag: 801,
      },
      expect: { betrag_im_rahmen: false },
      outcome: 'bewilligung',
      amount: 500,
    },
    {
      name: 'missing statutes ask for documents',
      change: { anlagen: ['freistellungsbescheid', 'kostenplan'] },
      expect: { satzung_beigefuegt: false },
      outcome: 'nachforderung',
    },
    {
      name: 'missing cost plan asks for documents',
      change: { anlagen: ['satzung', 'freistellungsbescheid'] },
      expect: { kostenplan_beigefuegt: false },
      outcome: 'nachforderung',
    },
    {
      name: 'missing exemption notice asks for documents',
      change: { anlagen: ['satzung', 'kostenplan'] },
      expect: { freistellungsbescheid_beigefuegt: false },
      outcome: 'nachforderung',
    },
    {
      name: 'a too short description asks for more',
      change: { vorhaben_beschreibung: 'Zeltlager im Sommer.' },
      expect: { beschreibung_vorhanden: false },
      outcome: 'nachforderung',
    },
    {
      name: 'a purchase from 1,000 € needs quotes',
      change: {
        vorhaben_art: 'anschaffung',
        gesamtkosten: 1000,
        eigenmittel: 100,
        andere_zuschuesse: 0,
        beantragter_betrag: 900,
      },
      expect: { angebote_beigefuegt: false },
      outcome: 'nachforderung',
    },
    {
      name: 'a purchase under 1,000 € needs none',
      change: {
        vorhaben_art: 'anschaffung',
        gesamtkosten: 999,
        eigenmittel: 100,
        andere_zuschuesse: 0,
        beantragter_betrag: 899,
      },
      expect: { angebote_beigefuegt: null },
      outcome: 'bewilligung',
      amount: 499,
    },
    {
      name: 'a purchase with quotes',
      change: {
        vorhaben_art: 'anschaffung',
        gesamtkosten: 2000,
        eigenmittel: 1000,
        andere_zuschuesse: 0,
        beantragter_betrag: 1000,
        anlagen: ['satzung', 'freistellungsbescheid', 'kostenplan', 'angebote'],
      },
      expect: { angebote_beigefuegt: true },
      outcome: 'bewilligung',
      amount: 1000,
    },
    {
      name: 'a seat elsewhere is refused',
      change: { sitz_in_gemeinde: false },
      expect: { sitz_in_gemeinde: false },
      outcome: 'ablehnung',
    },
    {
      name: 'a club that is not non-profit is refused; its notice is not checked',
      change: { gemeinnuetzig: false },
      expect: {
        gemeinnuetzigkeit: false,
        freistellungsbescheid_beigefuegt: null,
        freistellungsbescheid_aktuell: null,
      },
      outcome: 'ablehnung',
    },
    {
      name: 'a notice exactly five years old (1,826 days) still counts',
      change: { freistellungsbescheid_datum: '2021-03-02' },
      expect: { freistellungsbescheid_aktuell: true },
      outcome: 'bewilligung',
    },
    {
      name: 'a notice one day older does not',
      change: { freistellungsbescheid_datum: '2021-03-01' },
      expect: { freistellungsbescheid_aktuell: false },
      outcome: 'ablehnung',
    },
    {
      name: '9 members are too few',
      change: { mitglieder_gesamt: 9 },
      expect: { mindestmitglieder: false },
      outcome: 'ablehnung',
    },
    {
      name: '10 members are enough',
      change: { mitglieder_gesamt: 10 },
      expect: { mindestmitglieder: true },
      outcome: 'bewilligung',
    },
    {
      name: 'a project begun before the application is refused',
      change: { vorhaben_beginn: '2026-03-01' },
      expect: { kein_vorzeitiger_beginn: false },
      outcome: 'ablehnung',
    },
    {
      name: 'a project beginning on the day of the application is fine',
      change: { vorhaben_beginn: '2026-03-02' },
      expect: { kein_vorzeitiger_beginn: true },
      outcome: 'bewilligung',
    },
    {
      name: 'costs under 500 € are below the threshold',
      change: { gesamtkosten: 499.99, eigenmittel: 99.99, andere_zuschuesse: 0, beantragter_betrag: 400 },
      expect: { bagatellgrenze: false },
      outcome: 'ablehnung',
    },
    {
      name: 'less than 10 % own funds is refused',
      change: { eigenmittel: 399.99, andere_zuschuesse: 1400.01 },
      expect: { eigenanteil: false, finanzierung_ausgeglichen: true },
      outcome: 'ablehnung',
    },
    {
      name: 'an unbalanced financing plan is refused',
      change: { beantragter_betrag: 2150 },
      expect: { finanzierung_ausgeglichen: false },
      outcome: 'ablehnung',
    },
    {
      name: 'a rounding difference up to 1 € is tolerated',
      change: { beantragter_betrag: 2199.01 },
      expect: { finanzierung_ausgeglichen: true },
      outcome: 'bewilligung',
    },
    {
      name: 'refusal wins over missing documents',
      change: { sitz_in_gemeinde: false, anlagen: [] },
      expect: { sitz_in_gemeinde: false, satzung_beigefuegt: false },
      outcome: 'ablehnung',
    },
  ];

  for (const row of rows) {
    it(row.name, () => {
      const result = run(subsidy, { ...complete, ...row.change });
      expect(Object.fromEntries(Object.keys(row.expect).map((id) => [id, result.passed[id]]))).toEqual(
        row.expect,
      );
      expect(result.outcome.id).toBe(row.outcome);
      if (row.amount !== undefined) expect(result.value.foerderbetrag).toBe(row.amount);
    });
  }

  it('an application with only the required fields asks for everything and refuses nothing it cannot judge', () => {
    const result = run(subsidy, {
      verein_name: 'Neuer Verein',
      antrag_eingang: '2026-03-02',
      kontakt_email: 'info@verein.example',
    });
    expect(result.outcome.id).toBe('nachforderung');
    expect(result.failed.eligibility).toBe(0);
    expect(result.passed).toMatchObject({
      angaben_finanzierung: false,
      angaben_verein: false,
      satzung_beigefuegt: false,
      sitz_in_gemeinde: null,
      bagatellgrenze: null,
      eigenanteil: null,
    });
    expect(result.value.foerderbetrag).toBe(0);
  });

  it('explains failures with the figures, in German and English', () => {
    const result = run(subsidy, {
      ...complete,
      mitglieder_gesamt: 9,
      freistellungsbescheid_datum: '2019-01-15',
    });
    const members = result.rules.find((rule) => rule.id === 'mindestmitglieder')!;
    expect(members.explanation.de).toBe(
      'Der Verein hat 9 Mitglieder; gefördert werden Vereine ab 10 Mitgliedern.',
    );
    expect(members.explanation.en).toBe('The club has 9 members; clubs are funded from 10 members.');
    expect(
      result.rules.find((rule) => rule.id === 'freistellungsbescheid_aktuell')!.explanation.de,
    ).toContain('vom 15.01.2019');
  });

  it('builds the draft request from the rule results, at temperature 0', () => {
    const { input } = normaliseInput(subsidy, { ...complete, anlagen: ['satzung'] });
    const evaluation = evaluate(subsidy, input);
    const request = draftRequest(
      subsidy,
      { reference: 'VF-2026-ABC123', submittedOn: '2026-03-02' },
      input,
      evaluation,
      'modell-x',
    );
    expect(request).toMatchObject({ model: 'modell-x', temperature: 0, max_tokens: 1200 });
    const prompt = request.messages[1]!.content as string;
    expect(prompt).toContain('Vorgang VF-2026-ABC123');
    expect(prompt).toContain(
      '- nicht erfüllt – Kosten- und Finanzierungsplan: Der Kosten- und Finanzierungsplan fehlt.',
    );
    expect(prompt).toContain('Vorgeschlagene Entscheidung: Nachforderung fehlender Unterlagen');
    expect(prompt).toContain('Vorhaben (Jugendarbeit)');
    expect(prompt).not.toMatch(/\{\{/);
  });
});

describe('Antragsprüfung Parteitag', () => {
  const complete = {
    titel: 'Sichere Radwege in allen Kreisstädten',
    sachgebiet: 'programm',
    antragsteller_art: 'gliederung',
    antragsteller_name: 'Kreisverband Musterkreis',
    verband_zugehoerig: true,
    beschluss_datum: '2026-09-15',
    eingang: '2026-09-30',
    antragstext:
      'Der Landesparteitag möge beschließen: Wir setzen uns für durchgehende, baulich getrennte Radwege ein.',
    begruendung: 'Viele Menschen würden gern mit dem Rad fahren, fühlen sich aber unsicher.',
    kontakt_email: 'kv-musterkreis@partei.example',
  };

  it('admits a complete motion of a branch in time', () => {
    const result = run(motion, complete);
    expect(result.rules.filter((rule) => rule.passed === false)).toEqual([]);
    expect(result.value).toMatchObject({ frist_tage: 42, antragsschluss: '2026-10-10' });
    expect(result.outcome.id).toBe('zulaessig');
  });

  type Row = {
    name: string;
    change: Record<string, unknown>;
    expect: Record<string, boolean | null>;
    outcome: string;
  };
  const rows: Row[] = [
    {
      name: 'received on the day of the deadline',
      change: { eingang: '2026-10-10' },
      expect: { frist_eingehalten: true },
      outcome: 'zulaessig',
    },
    {
      name: 'received one day late',
      change: { eingang: '2026-10-11' },
      expect: { frist_eingehalten: false },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'amendments of the statutes have 56 days',
      change: { sachgebiet: 'satzung' },
      expect: { frist_eingehalten: false },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'an amendment of the statutes in time',
      change: { sachgebiet: 'satzung', beschluss_datum: '2026-09-01', eingang: '2026-09-26' },
      expect: { frist_eingehalten: true },
      outcome: 'zulaessig',
    },
    {
      name: 'a branch without a resolution',
      change: { beschluss_datum: undefined },
      expect: { gremienbeschluss: false },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'a resolution after submission does not count',
      change: { beschluss_datum: '2026-10-01' },
      expect: { gremienbeschluss: false },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'members with 19 supporters',
      change: { antragsteller_art: 'mitglieder', unterstuetzende: 19 },
      expect: { unterstuetzung: false, gremienbeschluss: null, antragsberechtigt: true },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'members with 20 supporters',
      change: { antragsteller_art: 'mitglieder', unterstuetzende: 20 },
      expect: { unterstuetzung: true, gremienbeschluss: null },
      outcome: 'zulaessig',
    },
    {
      name: 'an individual may not submit',
      change: { antragsteller_art: 'sonstige' },
      expect: { antragsberechtigt: false, gremienbeschluss: null, unterstuetzung: null },
      outcome: 'nicht_zulaessig',
    },
    {
      name: 'a branch outside the state party may not submit',
      change: { verband_zugehoerig: false },
      expect: { antragsberechtigt: false },
      outcome: 'nicht_zulaessig',
    },
    {
      name: '6,000 characters are allowed',
      change: { antragstext: 'ä'.repeat(6000) },
      expect: { laenge_antrag: true },
      outcome: 'zulaessig',
    },
    {
      name: '6,001 characters ask for a revision',
      change: { antragstext: 'ä'.repeat(6001) },
      expect: { laenge_antrag: false },
      outcome: 'nachbesserung',
    },
    {
      name: 'reasons over 3,000 characters ask for a revision',
      change: { begruendung: 'x'.repeat(3001) },
      expect: { laenge_begruendung: false },
      outcome: 'nachbesserung',
    },
    {
      name: 'no reasons ask for a revision',
      change: { begruendung: undefined },
      expect: { begruendung_vorhanden: false, laenge_begruendung: null },
      outcome: 'nachbesserung',
    },
    {
      name: 'lateness wins over length',
      change: { eingang: '2026-10-20', antragstext: 'x'.repeat(7000) },
      expect: { frist_eingehalten: false, laenge_antrag: false },
      outcome: 'nicht_zulaessig',
    },
  ];

  for (const row of rows) {
    it(row.name, () => {
      const result = run(motion, { ...complete, ...row.change });
      expect(Object.fromEntries(Object.keys(row.expect).map((id) => [id, result.passed[id]]))).toEqual(
        row.expect,
      );
      expect(result.outcome.id).toBe(row.outcome);
    });
  }

  it('names the deadline and the conference in the reply instruction', () => {
    const result = run(motion, { ...complete, begruendung: undefined });
    expect(result.outcome.instruction).toContain('bis zum Antragsschluss am 10.10.2026');
    const late = run(motion, { ...complete, eingang: '2026-10-11' });
    expect(late.rules.find((rule) => rule.id === 'frist_eingehalten')!.explanation.de).toBe(
      'Eingegangen am 11.10.2026, nach dem Antragsschluss am 10.10.2026 (42 Tage vor dem Parteitag).',
    );
  });
});
