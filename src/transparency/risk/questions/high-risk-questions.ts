import { text } from '../../../core/l10n.js';
import { all, is, not } from '../conditions.js';
import { annexIHighRisk, annexIIIPoint, assessSystem, highRisk } from '../flow-conditions.js';
import type { Question } from '../questionnaire-types.js';
import { none, point, yesNo } from './options.js';

export const annexIQuestions: readonly Question[] = [
  {
    id: 'annex-i-product',
    section: 'high-risk',
    kind: 'single',
    when: assessSystem,
    prompt: text(
      'Ist die Anwendung selbst ein Produkt oder das Sicherheitsbauteil eines Produkts, das unter EU-Harmonisierungsvorschriften aus Anhang I fällt – z. B. Maschinen, Spielzeug, Aufzüge, Funkanlagen, Medizinprodukte, Fahrzeuge, Luftfahrt?',
      'Is the application itself a product, or the safety component of a product, covered by the EU harmonisation legislation listed in Annex I — e.g. machinery, toys, lifts, radio equipment, medical devices, vehicles, aviation?',
    ),
    help: text(
      'Art. 6 Abs. 1 Buchst. a mit Anhang I. Ein Sicherheitsbauteil erfüllt eine Sicherheitsfunktion; fällt es aus, sind Gesundheit oder Sicherheit gefährdet (Art. 3 Nr. 14). Bei Software für Büro- und Verwaltungsarbeit lautet die Antwort fast immer „Nein“. Für Produkte aus Anhang I Abschnitt B (z. B. Fahrzeuge, Luftfahrt) gelten die Anforderungen über das jeweilige Fachrecht (Art. 2 Abs. 2).',
      'Art. 6(1)(a) with Annex I. A safety component fulfils a safety function; its failure endangers health or safety (Art. 3(14)). For office and administrative software the answer is almost always "No". For products under Annex I Section B (e.g. vehicles, aviation) the requirements apply through the sectoral legislation (Art. 2(2)).',
    ),
    articles: ['Art. 6(1)(a)', 'Annex I'],
    options: yesNo,
  },
  {
    id: 'annex-i-third-party-assessment',
    section: 'high-risk',
    kind: 'single',
    when: is('annex-i-product', 'yes'),
    prompt: text(
      'Muss dieses Produkt nach der einschlägigen Vorschrift aus Anhang I von einer unabhängigen Stelle geprüft werden (Konformitätsbewertung durch Dritte)?',
      'Does the relevant Annex I legislation require this product to undergo a third-party conformity assessment?',
    ),
    help: text(
      'Nur dann ist das System nach Art. 6 Abs. 1 Buchst. b ein Hochrisiko-System, z. B. bei vielen Medizinprodukten.',
      'Only then is the system high-risk under Art. 6(1)(b), as with many medical devices.',
    ),
    articles: ['Art. 6(1)(b)'],
    options: yesNo,
  },
];

/** Art. 6(3) derogation and the Art. 25 switch from deployer to provider. */
export const derogationQuestions: readonly Question[] = [
  {
    id: 'art6-3-profiling',
    section: 'high-risk',
    kind: 'single',
    when: all(assessSystem, annexIIIPoint, not(annexIHighRisk)),
    prompt: text(
      'Erstellt das System Profile von Menschen – bewertet es also automatisiert persönliche Aspekte wie Arbeitsleistung, wirtschaftliche Lage, Gesundheit, Vorlieben, Interessen, Zuverlässigkeit, Verhalten, Aufenthaltsort oder Ortswechsel?',
      'Does the system profile people — does it automatically evaluate personal aspects such as work performance, economic situation, health, preferences, interests, reliability, behaviour, location or movements?',
    ),
    help: text(
      'Profiling im Sinne von Art. 4 Nr. 4 DSGVO (Art. 3 Nr. 52 KI-VO). Ein System aus Anhang III, das Profiling betreibt, ist immer ein Hochrisiko-System; die Ausnahme nach Art. 6 Abs. 3 gilt dann nicht (Art. 6 Abs. 3 Unterabs. 3).',
      'Profiling as defined in Art. 4(4) GDPR (Art. 3(52) AI Act). An Annex III system that profiles people is always high-risk; the Art. 6(3) derogation does not apply (Art. 6(3), third subparagraph).',
    ),
    articles: ['Art. 6(3)', 'Art. 3(52)'],
    options: yesNo,
  },
  {
    id: 'art6-3-conditions',
    section: 'high-risk',
    kind: 'multiple',
    when: is('art6-3-profiling', 'no'),
    prompt: text(
      'Trifft eine dieser Beschreibungen zu, sodass das System kein erhebliches Risiko für Gesundheit, Sicherheit oder Grundrechte birgt und das Ergebnis von Entscheidungen nicht wesentlich beeinflusst?',
      'Does one of these descriptions apply, so that the system poses no significant risk to health, safety or fundamental rights and does not materially influence the outcome of decisions?',
    ),
    help: text(
      'Ausnahme nach Art. 6 Abs. 3 (Beispiele aus Erwägungsgrund 53). Wer sich als Anbieter darauf beruft, dokumentiert die Bewertung vor der Inbetriebnahme und registriert das System (Art. 6 Abs. 4, Art. 49 Abs. 2). Im Zweifel „Nichts davon“ wählen.',
      'Derogation under Art. 6(3) (examples from recital 53). A provider relying on it documents the assessment before putting the system into service and registers it (Art. 6(4), Art. 49(2)). If in doubt, choose "None of these".',
    ),
    articles: ['Art. 6(3)', 'Art. 6(4)', 'Art. 49(2)'],
    options: [
      point(
        'narrow-procedural-task',
        'Art. 6(3)(a)',
        text(
          'Nur eine eng gefasste Verfahrensaufgabe (z. B. eingehende Anträge nach Kategorien sortieren, Dubletten finden)',
          'Only a narrow procedural task (e.g. sorting incoming applications into categories, finding duplicates)',
        ),
      ),
      point(
        'improves-human-result',
        'Art. 6(3)(b)',
        text(
          'Nur das Ergebnis einer abgeschlossenen menschlichen Tätigkeit verbessern (z. B. die Sprache eines fertigen Entwurfs glätten)',
          'Only improving the result of a completed human activity (e.g. polishing the language of a finished draft)',
        ),
      ),
      point(
        'detects-patterns',
        'Art. 6(3)(c)',
        text(
          'Nur Entscheidungsmuster oder Abweichungen davon erkennen, ohne die menschliche Bewertung ohne angemessene menschliche Überprüfung zu ersetzen oder zu beeinflussen',
          'Only detecting decision-making patterns or deviations, without replacing or influencing the human assessment without proper human review',
        ),
      ),
      point(
        'preparatory-task',
        'Art. 6(3)(d)',
        text(
          'Nur eine vorbereitende Aufgabe für eine Bewertung (z. B. Unterlagen übersetzen, indexieren, durchsuchbar machen)',
          'Only a preparatory task for an assessment (e.g. translating, indexing or making documents searchable)',
        ),
      ),
      none,
    ],
  },
  {
    id: 'art25-intended-purpose',
    section: 'high-risk',
    kind: 'single',
    when: all(assessSystem, highRisk, is('role', 'deployer')),
    prompt: text(
      'Hat der Anbieter das System für genau diesen Zweck vorgesehen, und nutzen Sie es unverändert unter seinem Namen?',
      "Did the provider intend the system for exactly this purpose, and do you use it unchanged under the provider's name?",
    ),
    help: text(
      'Wer ein System für einen Hochrisiko-Zweck einsetzt, für den es nicht vorgesehen war (z. B. einen allgemeinen Chat-Assistenten zur Bewerbungsauswahl), es wesentlich verändert oder unter eigenem Namen anbietet, gilt selbst als Anbieter (Art. 25 Abs. 1).',
      'Whoever uses a system for a high-risk purpose it was not intended for (e.g. a general chat assistant to screen job applications), modifies it substantially or offers it under their own name is considered its provider (Art. 25(1)).',
    ),
    articles: ['Art. 25(1)'],
    options: [
      {
        value: 'as-intended',
        label: text('Ja, wie vom Anbieter vorgesehen', 'Yes, as the provider intended'),
      },
      {
        value: 'repurposed',
        label: text(
          'Nein – anderer Zweck, wesentlich verändert oder unter unserem Namen',
          'No — different purpose, substantially modified or under our name',
        ),
      },
    ],
  },
];
