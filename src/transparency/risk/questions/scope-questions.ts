import { text } from '../../../core/l10n.js';
import { is } from '../conditions.js';
import type { Question } from '../questionnaire-types.js';
import { yesNo } from './options.js';

export const scopeQuestions: readonly Question[] = [
  {
    id: 'role',
    section: 'scope',
    kind: 'single',
    prompt: text(
      'Welche Rolle hat Ihre Organisation bei dieser Anwendung?',
      "What is your organisation's role for this application?",
    ),
    help: text(
      'Anbieter ist, wer ein KI-System entwickelt oder entwickeln lässt und es unter eigenem Namen anbietet oder in Betrieb nimmt – auch wenn es nur intern genutzt wird (Art. 3 Nr. 3 KI-VO). Wer auf dieser Plattform z. B. einen eigenen Chatbot für Bürgerinnen und Bürger baut, ist in der Regel dessen Anbieter. Betreiber ist, wer ein KI-System in eigener Verantwortung beruflich verwendet (Art. 3 Nr. 4). Wer ein System unter eigenem Namen anbietet, es wesentlich verändert oder für einen Hochrisiko-Zweck einsetzt, für den es nicht gedacht war, wird selbst Anbieter (Art. 25 Abs. 1).',
      'A provider develops an AI system (or has it developed) and offers it or puts it into service under its own name — even if it is only used internally (Art. 3(3) AI Act). If you build your own chatbot for citizens on this platform, you are usually its provider. A deployer uses an AI system under its own authority in a professional context (Art. 3(4)). Whoever puts their name on a system, modifies it substantially or uses it for a high-risk purpose it was not intended for becomes a provider (Art. 25(1)).',
    ),
    articles: ['Art. 3(3)', 'Art. 3(4)', 'Art. 25(1)'],
    options: [
      {
        value: 'provider',
        label: text(
          'Anbieter: Wir entwickeln oder konfigurieren die Anwendung und bieten sie unter unserem Namen an',
          'Provider: we develop or configure the application and offer it under our name',
        ),
      },
      {
        value: 'deployer',
        label: text(
          'Betreiber: Wir nutzen ein fertiges System eines anderen Anbieters',
          'Deployer: we use a ready-made system from another provider',
        ),
      },
      {
        value: 'provider-and-deployer',
        label: text(
          'Beides: Wir entwickeln die Anwendung und nutzen sie selbst',
          'Both: we develop the application and use it ourselves',
        ),
      },
    ],
  },
  {
    id: 'organisation-type',
    section: 'scope',
    kind: 'single',
    prompt: text(
      'Welche Art von Organisation setzt die Anwendung ein?',
      'What kind of organisation uses the application?',
    ),
    help: text(
      'Öffentliche Stellen haben bei Hochrisiko-Systemen zusätzliche Pflichten: Behörden registrieren die Nutzung in der EU-Datenbank (Art. 26 Abs. 8, Art. 49 Abs. 3); Einrichtungen des öffentlichen Rechts und private Stellen, die öffentliche Dienste erbringen, machen vorab eine Grundrechte-Folgenabschätzung (Art. 27). Parteien, Vereine und Unternehmen sind private Organisationen.',
      'Public bodies have extra duties for high-risk systems: public authorities register their use in the EU database (Art. 26(8), Art. 49(3)); bodies governed by public law and private entities providing public services carry out a fundamental rights impact assessment beforehand (Art. 27). Parties, associations and companies are private organisations.',
    ),
    articles: ['Art. 26(8)', 'Art. 27(1)', 'Art. 49(3)'],
    options: [
      {
        value: 'public-authority',
        label: text(
          'Behörde (z. B. Ministerium, Kommunalverwaltung)',
          'Public authority (e.g. ministry, municipal administration)',
        ),
      },
      {
        value: 'public-service',
        label: text(
          'Andere Einrichtung des öffentlichen Rechts oder private Stelle, die öffentliche Dienste erbringt (z. B. Hochschule, Stadtwerke)',
          'Other body governed by public law, or a private entity providing public services (e.g. university, municipal utility)',
        ),
      },
      {
        value: 'private',
        label: text(
          'Private Organisation (z. B. Partei, Verein, Unternehmen)',
          'Private organisation (e.g. party, association, company)',
        ),
      },
    ],
  },
  {
    id: 'ai-system',
    section: 'scope',
    kind: 'single',
    prompt: text('Ist die Anwendung ein KI-System?', 'Is the application an AI system?'),
    help: text(
      'Ein KI-System ist ein maschinengestütztes System, das mit einem gewissen Grad an Autonomie arbeitet und aus seinen Eingaben ableitet, wie es Ergebnisse wie Vorhersagen, Inhalte, Empfehlungen oder Entscheidungen erzeugt (Art. 3 Nr. 1). Anwendungen mit Sprachmodellen gehören immer dazu. Feste Wenn-dann-Regeln, die Menschen festgelegt haben, und einfache Statistik (z. B. Durchschnitte) gehören nicht dazu. Im Zweifel „Ja“ wählen.',
      'An AI system is a machine-based system that operates with some autonomy and infers from its input how to generate outputs such as predictions, content, recommendations or decisions (Art. 3(1)). Applications built on language models always qualify. Fixed if-then rules defined by people and simple statistics (e.g. averages) do not. If in doubt, choose "Yes".',
    ),
    articles: ['Art. 3(1)'],
    options: yesNo,
  },
  {
    id: 'gpai-model',
    section: 'scope',
    kind: 'single',
    prompt: text(
      'Stellt Ihre Organisation selbst ein KI-Modell mit allgemeinem Verwendungszweck bereit – also ein Modell, nicht nur eine Anwendung?',
      'Does your organisation itself provide a general-purpose AI model — a model, not just an application?',
    ),
    help: text(
      'Ein KI-Modell mit allgemeinem Verwendungszweck (z. B. ein großes Sprachmodell) kann viele verschiedene Aufgaben kompetent erfüllen (Art. 3 Nr. 63). Sie sind sein Anbieter, wenn Sie es trainieren oder trainieren lassen und bereitstellen, etwa die Gewichte veröffentlichen oder es über eine Schnittstelle anbieten. Wer ein fremdes Modell nur nutzt oder leicht nachtrainiert, ist kein Modellanbieter; nach den Leitlinien der Kommission erst dann, wenn die Änderung mehr als ein Drittel der ursprünglichen Trainingsrechenleistung braucht. Pflichten: Art. 53 bis 55.',
      "A general-purpose AI model (e.g. a large language model) can competently perform a wide range of distinct tasks (Art. 3(63)). You are its provider if you train it (or have it trained) and make it available, for example by publishing the weights or offering it through an API. Merely using someone else's model or lightly fine-tuning it does not make you a model provider; under the Commission's guidelines that happens only when the modification uses more than a third of the original training compute. Obligations: Art. 53 to 55.",
    ),
    articles: ['Art. 3(63)', 'Art. 53', 'Art. 54', 'Art. 55'],
    options: yesNo,
  },
  {
    id: 'gpai-systemic-risk',
    section: 'scope',
    kind: 'single',
    when: is('gpai-model', 'yes'),
    prompt: text(
      'Wurde das Modell mit mehr als 10^25 Gleitkommaoperationen (FLOP) trainiert, oder hat die Kommission es als Modell mit systemischem Risiko eingestuft?',
      'Was the model trained with more than 10^25 floating-point operations (FLOP), or has the Commission designated it as a model with systemic risk?',
    ),
    help: text(
      'Modelle mit besonders hoher Wirkung gelten als Modelle mit systemischem Risiko (Art. 51 Abs. 1). Ab einer kumulierten Trainingsrechenleistung von mehr als 10^25 FLOP wird das vermutet (Art. 51 Abs. 2); die Kommission kann Modelle auch selbst benennen (Art. 51 Abs. 1 Buchst. b, Art. 52). Für sie gelten zusätzlich die Pflichten aus Art. 55.',
      'Models with high-impact capabilities are models with systemic risk (Art. 51(1)). This is presumed when the cumulative training compute exceeds 10^25 FLOP (Art. 51(2)); the Commission can also designate models (Art. 51(1)(b), Art. 52). The additional obligations of Art. 55 apply to them.',
    ),
    articles: ['Art. 51', 'Art. 52', 'Art. 55'],
    options: yesNo,
  },
  {
    id: 'gpai-open-source',
    section: 'scope',
    kind: 'single',
    when: is('gpai-systemic-risk', 'no'),
    prompt: text(
      'Veröffentlichen Sie das Modell unter einer freien und quelloffenen Lizenz, mit öffentlich zugänglichen Parametern einschließlich der Gewichte sowie Informationen zur Architektur und Nutzung?',
      'Do you release the model under a free and open-source licence, with its parameters including the weights, and information on its architecture and usage made publicly available?',
    ),
    help: text(
      'Dann entfallen die technische Dokumentation und die Informationen für nachgelagerte Anbieter (Art. 53 Abs. 2). Die Strategie zum Urheberrecht und die Zusammenfassung der Trainingsinhalte bleiben Pflicht. Für Modelle mit systemischem Risiko gilt diese Ausnahme nicht.',
      'Then the technical documentation and the information for downstream providers are not required (Art. 53(2)). The copyright policy and the summary of training content remain mandatory. This exception does not apply to models with systemic risk.',
    ),
    articles: ['Art. 53(2)'],
    options: yesNo,
  },
];

export const rightsQuestions: readonly Question[] = [
  {
    id: 'staff-member-scoring',
    section: 'rights',
    kind: 'single',
    prompt: text(
      'Überwacht oder bewertet die Anwendung Beschäftigte oder Mitglieder – etwa ihre Leistung, ihr Verhalten, ihre Aktivität oder ihre Loyalität, auch als Punktwert oder Rangliste?',
      'Does the application monitor or evaluate staff or members — for example their performance, behaviour, activity or loyalty, including as scores or rankings?',
    ),
    help: text(
      'Leitplanke schließt Anwendungen aus, die die Rechte von Beschäftigten oder Mitgliedern durch Überwachung oder Bewertung verletzen (Anforderung RIGHTS-3). Bei „Ja“ kann die Anwendung nicht in den Pilot- oder Regelbetrieb gehen – unabhängig von der Risikoklasse nach der KI-Verordnung. Im Beschäftigungsverhältnis sind solche Systeme außerdem Hochrisiko-Systeme (Anhang III Nr. 4 Buchst. b). Nicht gemeint ist reine Verwaltung ohne Bewertung von Personen, z. B. eine Beitragsliste.',
      'Leitplanke excludes applications that infringe the rights of staff or members by monitoring or scoring them (requirement RIGHTS-3). If you answer "Yes", the application cannot go into pilot or regular use — whatever its class under the AI Act. In employment such systems are also high-risk (Annex III 4(b)). Plain administration without evaluating people, such as a list of membership fees, is not meant.',
    ),
    articles: ['RIGHTS-3', 'Annex III 4(b)'],
    options: yesNo,
  },
];
