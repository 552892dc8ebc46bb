import { text, type Text } from '../../core/l10n.js';
import { is } from './conditions.js';
import type { Condition } from './questionnaire-types.js';

export type Finding = { when: Condition; article: string; text: Text };

/** One entry per prohibited practice; `prohibitedPractice` in flow-conditions is their union. */
export const prohibitedFindings: readonly Finding[] = [
  {
    when: is('art5-manipulation', 'yes'),
    article: 'Art. 5(1)(a)',
    text: text(
      'Die Anwendung setzt manipulative oder täuschende Techniken ein, die Verhalten wesentlich verändern und erheblich schaden können. Das ist verboten.',
      'The application uses manipulative or deceptive techniques that materially distort behaviour and can cause significant harm. This is prohibited.',
    ),
  },
  {
    when: is('art5-vulnerabilities', 'yes'),
    article: 'Art. 5(1)(b)',
    text: text(
      'Die Anwendung nutzt Schwächen von Menschen (Alter, Behinderung, soziale oder wirtschaftliche Lage) zu deren Schaden aus. Das ist verboten.',
      'The application exploits the vulnerabilities of people (age, disability, social or economic situation) to their harm. This is prohibited.',
    ),
  },
  {
    when: is('art5-social-scoring', 'yes'),
    article: 'Art. 5(1)(c)',
    text: text(
      'Die Anwendung bewertet Menschen nach ihrem sozialen Verhalten oder ihren Eigenschaften und stellt sie deshalb schlechter (Social Scoring). Das ist verboten.',
      'The application scores people on their social behaviour or characteristics and treats them detrimentally as a result (social scoring). This is prohibited.',
    ),
  },
  {
    when: is('art5-crime-prediction-exception', 'no'),
    article: 'Art. 5(1)(d)',
    text: text(
      'Die Anwendung sagt Straftaten allein aufgrund von Profiling oder Persönlichkeitsmerkmalen vorher. Das ist verboten.',
      'The application predicts criminal offences based solely on profiling or personality traits. This is prohibited.',
    ),
  },
  {
    when: is('art5-facial-scraping', 'yes'),
    article: 'Art. 5(1)(e)',
    text: text(
      'Die Anwendung baut Datenbanken zur Gesichtserkennung durch ungezieltes Auslesen von Gesichtsbildern auf. Das ist verboten.',
      'The application builds facial recognition databases by untargeted scraping of facial images. This is prohibited.',
    ),
  },
  {
    when: is('art5-emotion-workplace-exception', 'no'),
    article: 'Art. 5(1)(f)',
    text: text(
      'Die Anwendung erkennt Emotionen am Arbeitsplatz oder in Bildungseinrichtungen, ohne medizinischen Grund oder Sicherheitsgrund. Das ist verboten.',
      'The application infers emotions at the workplace or in education without a medical or safety reason. This is prohibited.',
    ),
  },
  {
    when: is('art5-biometric-categorisation-exception', 'no'),
    article: 'Art. 5(1)(g)',
    text: text(
      'Die Anwendung leitet aus biometrischen Daten sensible Merkmale wie politische Meinung, Religion oder sexuelle Orientierung ab. Das ist verboten.',
      'The application infers sensitive attributes such as political opinions, religion or sexual orientation from biometric data. This is prohibited.',
    ),
  },
  {
    when: is('art5-realtime-biometric-identification-exception', 'no'),
    article: 'Art. 5(1)(h)',
    text: text(
      'Die Anwendung identifiziert Menschen biometrisch in Echtzeit im öffentlichen Raum für die Strafverfolgung, ohne dass eine der engen Ausnahmen greift. Das ist verboten.',
      'The application performs real-time remote biometric identification in public spaces for law enforcement without meeting one of the narrow exceptions. This is prohibited.',
    ),
  },
  {
    when: is('art5-intimate-imagery', 'yes'),
    article: 'Art. 5 (Digital Omnibus on AI, 2025/0359(COD))',
    text: text(
      'Die Anwendung kann intime Darstellungen realer Personen ohne deren Einwilligung oder Darstellungen sexuellen Kindesmissbrauchs erzeugen. Das ist verboten.',
      'The application can generate intimate imagery of real people without their consent, or child sexual abuse material. This is prohibited.',
    ),
  },
];

/** Answers that lift a prohibition; `annexIII` marks those that make the system high-risk instead. */
export const art5ExceptionFindings: readonly (Finding & { annexIII: boolean })[] = [
  {
    when: is('art5-crime-prediction-exception', 'yes'),
    article: 'Art. 5(1)(d)',
    annexIII: false,
    text: text(
      'Die Anwendung unterstützt nur eine menschliche Bewertung, die sich auf überprüfbare Tatsachen stützt; das Verbot greift nicht.',
      'The application only supports a human assessment based on verifiable facts; the prohibition does not apply.',
    ),
  },
  {
    when: is('art5-emotion-workplace-exception', 'yes'),
    article: 'Annex III 1(c)',
    annexIII: true,
    text: text(
      'Emotionserkennung aus medizinischen Gründen oder Sicherheitsgründen ist nicht verboten (Art. 5 Abs. 1 Buchst. f), aber ein Hochrisiko-Fall nach Anhang III Nr. 1 Buchst. c.',
      'Emotion recognition for medical or safety reasons is not prohibited (Art. 5(1)(f)) but is a high-risk case under Annex III 1(c).',
    ),
  },
  {
    when: is('art5-biometric-categorisation-exception', 'yes'),
    article: 'Art. 5(1)(g)',
    annexIII: false,
    text: text(
      'Es geht nur um das Kennzeichnen oder Filtern rechtmäßig erworbener Datensätze oder um Strafverfolgung; das Verbot greift nicht.',
      'It only concerns labelling or filtering lawfully acquired datasets, or law enforcement; the prohibition does not apply.',
    ),
  },
  {
    when: is('art5-realtime-biometric-identification-exception', 'yes'),
    article: 'Annex III 1(a)',
    annexIII: true,
    text: text(
      'Der Einsatz erfüllt eine der engen Ausnahmen des Art. 5 Abs. 1 Buchst. h. Er ist ein Hochrisiko-Fall nach Anhang III Nr. 1 Buchst. a und braucht Genehmigung, Grundrechte-Folgenabschätzung, Registrierung und Meldung (Art. 5 Abs. 2 bis 4).',
      'The use meets one of the narrow exceptions of Art. 5(1)(h). It is a high-risk case under Annex III 1(a) and needs authorisation, a fundamental rights impact assessment, registration and notification (Art. 5(2) to (4)).',
    ),
  },
];
