import { text, type Text } from '../../../core/l10n.js';
import { is } from '../conditions.js';
import { assessSystem } from '../flow-conditions.js';
import type { AnswerOption, Question } from '../questionnaire-types.js';
import { none, point } from './options.js';

function annexArea(id: string, prompt: Text, help: Text, area: string, points: AnswerOption[]): Question {
  return {
    id,
    section: 'high-risk',
    kind: 'multiple',
    when: assessSystem,
    prompt,
    help,
    articles: ['Art. 6(2)', `Annex III ${area}`],
    options: [...points, none],
  };
}

/** One multiple-choice question per Annex III area, each point an option (Art. 6(2)). */
export const annexIIIQuestions: readonly Question[] = [
  annexArea(
    'annex-iii-biometrics',
    text(
      'Wird die Anwendung für einen dieser biometrischen Zwecke eingesetzt?',
      'Is the application used for one of these biometric purposes?',
    ),
    text(
      'Anhang III Nr. 1, soweit der Einsatz nach Unionsrecht oder nationalem Recht zulässig ist. Biometrische Daten sind z. B. Gesichtsbilder, Stimme, Fingerabdrücke (Art. 3 Nr. 34).',
      'Annex III point 1, in so far as the use is permitted under Union or national law. Biometric data are e.g. facial images, voice, fingerprints (Art. 3(34)).',
    ),
    '1',
    [
      point(
        '1a',
        'Annex III 1(a)',
        text(
          'Biometrische Fernidentifizierung: Menschen aus der Distanz anhand von Gesicht, Gang o. Ä. identifizieren (nicht: nur bestätigen, dass jemand die Person ist, die er zu sein behauptet)',
          'Remote biometric identification: identifying people at a distance by face, gait or similar (not: merely verifying that someone is who they claim to be)',
        ),
      ),
      point(
        '1b',
        'Annex III 1(b)',
        text(
          'Biometrische Kategorisierung nach sensiblen oder geschützten Merkmalen, die aus biometrischen Daten abgeleitet werden',
          'Biometric categorisation according to sensitive or protected attributes inferred from biometric data',
        ),
      ),
      point(
        '1c',
        'Annex III 1(c)',
        text(
          'Emotionserkennung (Emotionen oder Absichten aus Gesicht, Stimme oder Körper ableiten)',
          'Emotion recognition (inferring emotions or intentions from face, voice or body)',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-critical-infrastructure',
    text(
      'Ist die Anwendung ein Sicherheitsbauteil kritischer Infrastruktur?',
      'Is the application a safety component of critical infrastructure?',
    ),
    text(
      'Anhang III Nr. 2. Ein Sicherheitsbauteil schützt die physische Integrität der Infrastruktur oder Gesundheit und Sicherheit von Menschen (Art. 3 Nr. 14, Erwägungsgrund 55). Ein Chat-Assistent für die Beschäftigten der Stadtwerke ist keines.',
      "Annex III point 2. A safety component protects the physical integrity of the infrastructure or the health and safety of people (Art. 3(14), recital 55). A chat assistant for a utility's staff is not one.",
    ),
    '2',
    [
      point(
        '2',
        'Annex III 2',
        text(
          'Sicherheitsbauteil bei Verwaltung oder Betrieb kritischer digitaler Infrastruktur, des Straßenverkehrs oder der Wasser-, Gas-, Wärme- oder Stromversorgung',
          'Safety component in the management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-education',
    text(
      'Wird die Anwendung in der allgemeinen oder beruflichen Bildung für einen dieser Zwecke eingesetzt?',
      'Is the application used in education or vocational training for one of these purposes?',
    ),
    text(
      'Anhang III Nr. 3 – Bildungseinrichtungen aller Ebenen.',
      'Annex III point 3 — education and vocational training institutions at all levels.',
    ),
    '3',
    [
      point(
        '3a',
        'Annex III 3(a)',
        text(
          'Über Zugang oder Zulassung entscheiden oder Menschen Einrichtungen zuweisen',
          'Determining access or admission, or assigning people to institutions',
        ),
      ),
      point(
        '3b',
        'Annex III 3(b)',
        text(
          'Lernergebnisse bewerten, z. B. Prüfungen benoten, auch um den Lernprozess zu steuern',
          'Evaluating learning outcomes, e.g. grading exams, including to steer the learning process',
        ),
      ),
      point(
        '3c',
        'Annex III 3(c)',
        text(
          'Bewerten, welches Bildungsniveau jemand erhalten oder erreichen kann',
          'Assessing the level of education a person will receive or be able to access',
        ),
      ),
      point(
        '3d',
        'Annex III 3(d)',
        text(
          'Verbotenes Verhalten bei Prüfungen überwachen und erkennen (Proctoring)',
          'Monitoring and detecting prohibited behaviour during tests (proctoring)',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-employment',
    text(
      'Wird die Anwendung in Beschäftigung und Personalmanagement für einen dieser Zwecke eingesetzt?',
      'Is the application used in employment and workers’ management for one of these purposes?',
    ),
    text(
      'Anhang III Nr. 4 – Beschäftigung, Personalmanagement und Zugang zur Selbstständigkeit. Überwachung und Bewertung von Beschäftigten schließt Leitplanke zusätzlich aus (RIGHTS-3).',
      'Annex III point 4 — employment, workers’ management and access to self-employment. Leitplanke additionally excludes monitoring and evaluating staff (RIGHTS-3).',
    ),
    '4',
    [
      point(
        '4a',
        'Annex III 4(a)',
        text(
          'Personal einstellen oder auswählen: gezielte Stellenanzeigen schalten, Bewerbungen sichten und filtern, Bewerberinnen und Bewerber bewerten',
          'Recruiting or selecting people: placing targeted job ads, analysing and filtering applications, evaluating candidates',
        ),
      ),
      point(
        '4b-decisions',
        'Annex III 4(b)',
        text(
          'Über Arbeitsbedingungen, Beförderung oder Kündigung entscheiden oder Aufgaben nach individuellem Verhalten oder persönlichen Merkmalen zuweisen',
          'Making decisions on terms of work, promotion or termination, or allocating tasks based on individual behaviour or personal traits',
        ),
      ),
      point(
        '4b-monitoring',
        'Annex III 4(b)',
        text(
          'Leistung und Verhalten von Beschäftigten beobachten und bewerten',
          'Monitoring and evaluating the performance and behaviour of workers',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-essential-services',
    text(
      'Entscheidet die Anwendung mit über den Zugang zu grundlegenden Diensten und Leistungen?',
      'Does the application help decide on access to essential services and benefits?',
    ),
    text(
      'Anhang III Nr. 5 – grundlegende private und öffentliche Dienste und Leistungen.',
      'Annex III point 5 — essential private and public services and benefits.',
    ),
    '5',
    [
      point(
        '5a',
        'Annex III 5(a)',
        text(
          'Für Behörden: prüfen, ob Menschen Anspruch auf wesentliche öffentliche Unterstützungsleistungen und Dienste haben (auch Gesundheitsdienste), oder sie gewähren, kürzen, widerrufen oder zurückfordern',
          'For public authorities: evaluating eligibility for essential public assistance benefits and services (including healthcare), or granting, reducing, revoking or reclaiming them',
        ),
      ),
      point(
        '5b',
        'Annex III 5(b)',
        text(
          'Kreditwürdigkeit prüfen oder einen Kredit-Score ermitteln (nicht: nur Finanzbetrug aufdecken)',
          'Evaluating creditworthiness or establishing a credit score (not: only detecting financial fraud)',
        ),
      ),
      point(
        '5c',
        'Annex III 5(c)',
        text(
          'Risikobewertung und Preisbildung bei Lebens- und Krankenversicherungen',
          'Risk assessment and pricing for life and health insurance',
        ),
      ),
      point(
        '5d',
        'Annex III 5(d)',
        text(
          'Notrufe bewerten, Einsätze von Polizei, Feuerwehr oder Rettungsdienst disponieren oder priorisieren, Patientinnen und Patienten in der Notfallversorgung triagieren',
          'Evaluating emergency calls, dispatching or prioritising police, fire or medical first response, emergency patient triage',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-law-enforcement',
    text(
      'Nutzen Strafverfolgungsbehörden die Anwendung (oder wird sie in ihrem Auftrag genutzt) für einen dieser Zwecke?',
      'Do law enforcement authorities use the application (or is it used on their behalf) for one of these purposes?',
    ),
    text(
      'Anhang III Nr. 6, soweit der Einsatz rechtlich zulässig ist.',
      'Annex III point 6, in so far as the use is permitted by law.',
    ),
    '6',
    [
      point(
        '6a',
        'Annex III 6(a)',
        text(
          'Risiko bewerten, dass ein Mensch Opfer einer Straftat wird',
          'Assessing the risk of a person becoming a victim of crime',
        ),
      ),
      point(
        '6b',
        'Annex III 6(b)',
        text('Als Lügendetektor oder ähnliches Werkzeug', 'As a polygraph or similar tool'),
      ),
      point(
        '6c',
        'Annex III 6(c)',
        text('Verlässlichkeit von Beweismitteln bewerten', 'Evaluating the reliability of evidence'),
      ),
      point(
        '6d',
        'Annex III 6(d)',
        text(
          'Risiko einer (erneuten) Straftat bewerten – nicht allein durch Profiling – oder Persönlichkeitsmerkmale oder früheres kriminelles Verhalten bewerten',
          'Assessing the risk of (re-)offending — not solely based on profiling — or assessing personality traits or past criminal behaviour',
        ),
      ),
      point(
        '6e',
        'Annex III 6(e)',
        text(
          'Profiling bei der Aufdeckung, Ermittlung oder Verfolgung von Straftaten',
          'Profiling in the detection, investigation or prosecution of crime',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-migration',
    text(
      'Nutzen zuständige Behörden die Anwendung in Migration, Asyl oder Grenzkontrolle für einen dieser Zwecke?',
      'Do competent authorities use the application in migration, asylum or border control for one of these purposes?',
    ),
    text(
      'Anhang III Nr. 7, soweit der Einsatz rechtlich zulässig ist.',
      'Annex III point 7, in so far as the use is permitted by law.',
    ),
    '7',
    [
      point(
        '7a',
        'Annex III 7(a)',
        text('Als Lügendetektor oder ähnliches Werkzeug', 'As a polygraph or similar tool'),
      ),
      point(
        '7b',
        'Annex III 7(b)',
        text(
          'Risiken (Sicherheit, irreguläre Migration, Gesundheit) bewerten, die von einer einreisenden oder eingereisten Person ausgehen',
          'Assessing a security, irregular-migration or health risk posed by a person entering or who has entered',
        ),
      ),
      point(
        '7c',
        'Annex III 7(c)',
        text(
          'Asyl-, Visums- oder Aufenthaltsanträge und Beschwerden prüfen helfen, auch die Verlässlichkeit von Beweismitteln',
          'Assisting the examination of asylum, visa or residence applications and complaints, including the reliability of evidence',
        ),
      ),
      point(
        '7d',
        'Annex III 7(d)',
        text(
          'Menschen aufspüren, erkennen oder identifizieren (nicht: Reisedokumente prüfen)',
          'Detecting, recognising or identifying people (not: verifying travel documents)',
        ),
      ),
    ],
  ),
  annexArea(
    'annex-iii-justice-democracy',
    text(
      'Wird die Anwendung in Rechtspflege oder demokratischen Prozessen für einen dieser Zwecke eingesetzt?',
      'Is the application used in the administration of justice or democratic processes for one of these purposes?',
    ),
    text(
      'Anhang III Nr. 8. Für Parteien ist Buchstabe b zentral: Systeme, die das Ergebnis einer Wahl oder Abstimmung oder das Wahlverhalten beeinflussen sollen, sind Hochrisiko-Systeme. Ausgenommen sind Werkzeuge, deren Ergebnissen Menschen nicht direkt ausgesetzt sind (nächste Frage).',
      'Annex III point 8. Point (b) matters most for parties: systems intended to influence the outcome of an election or referendum or voting behaviour are high-risk. Tools whose output people are not directly exposed to are excluded (next question).',
    ),
    '8',
    [
      point(
        '8a',
        'Annex III 8(a)',
        text(
          'Gerichte oder Stellen der alternativen Streitbeilegung dabei unterstützen, Sachverhalt und Recht zu ermitteln, auszulegen und anzuwenden',
          'Assisting a judicial authority or alternative dispute resolution in researching, interpreting and applying facts and the law',
        ),
      ),
      point(
        '8b',
        'Annex III 8(b)',
        text(
          'Das Ergebnis einer Wahl oder Abstimmung oder das Wahlverhalten von Menschen beeinflussen (z. B. zugeschnittene Wahlbotschaften erzeugen und ausspielen)',
          'Influencing the outcome of an election or referendum or how people vote (e.g. generating and delivering tailored campaign messages)',
        ),
      ),
    ],
  ),
  {
    id: 'annex-iii-8b-voter-exposure',
    section: 'high-risk',
    kind: 'single',
    when: is('annex-iii-justice-democracy', '8b'),
    prompt: text(
      'Sind Menschen den Ergebnissen des Systems direkt ausgesetzt – oder dient es nur intern dazu, den Wahlkampf zu organisieren, zu optimieren oder zu strukturieren?',
      'Are people directly exposed to the output of the system — or is it only used internally to organise, optimise or structure the campaign?',
    ),
    help: text(
      'Anhang III Nr. 8 Buchst. b, Satz 2: Nicht erfasst sind KI-Systeme, deren Ergebnissen natürliche Personen nicht direkt ausgesetzt sind, etwa Werkzeuge zur Organisation, Optimierung und Strukturierung politischer Kampagnen in administrativer und logistischer Hinsicht.',
      'Annex III 8(b), second sentence: AI systems to whose output natural persons are not directly exposed are not covered, such as tools used to organise, optimise and structure political campaigns from an administrative and logistical point of view.',
    ),
    articles: ['Annex III 8(b)'],
    options: [
      {
        value: 'voters-exposed',
        label: text(
          'Menschen sind den Ergebnissen direkt ausgesetzt (z. B. erzeugte Botschaften, Anzeigen, Chat-Antworten, Empfehlungen)',
          'People are directly exposed to the output (e.g. generated messages, ads, chat answers, recommendations)',
        ),
      },
      {
        value: 'organisational-only',
        label: text(
          'Nur intern für Verwaltung und Logistik (z. B. Einsatzplanung für Ehrenamtliche, Routen für den Haustürwahlkampf, Materialplanung)',
          'Internal administration and logistics only (e.g. volunteer scheduling, door-to-door routes, material planning)',
        ),
      },
    ],
  },
];
