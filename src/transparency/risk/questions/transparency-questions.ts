import { text } from '../../../core/l10n.js';
import { all, is, not } from '../conditions.js';
import { assessSystem, emotionOrBiometricImplied } from '../flow-conditions.js';
import type { Question } from '../questionnaire-types.js';
import { yesNo } from './options.js';

const generatesContent = all(assessSystem, is('art50-synthetic-content', 'yes'));

export const transparencyQuestions: readonly Question[] = [
  {
    id: 'art50-direct-interaction',
    section: 'transparency',
    kind: 'single',
    when: assessSystem,
    prompt: text(
      'Kommunizieren Menschen direkt mit der Anwendung – z. B. ein Chatbot, Sprachassistent oder KI-Agent, der mit Bürgerinnen und Bürgern, Mitgliedern oder Beschäftigten schreibt oder spricht?',
      'Do people communicate directly with the application — e.g. a chatbot, voice assistant or AI agent that writes or talks to citizens, members or staff?',
    ),
    help: text(
      'Art. 50 Abs. 1: Der Anbieter gestaltet das System so, dass Menschen erfahren, dass sie mit einer KI interagieren – außer das ist für eine verständige Person offensichtlich. Leitplanke legt diese Ausnahme eng aus. Werkzeuge, die nur Texte verarbeiten, ohne mit Menschen zu kommunizieren (z. B. Spamfilter, Übersetzung), sind nicht gemeint.',
      'Art. 50(1): the provider designs the system so that people are told they are interacting with an AI — unless that is obvious to a reasonably well-informed person. Leitplanke reads this exception narrowly. Tools that only process text without communicating with people (e.g. spam filters, translation) are not meant.',
    ),
    articles: ['Art. 50(1)'],
    options: yesNo,
  },
  {
    id: 'art50-synthetic-content',
    section: 'transparency',
    kind: 'single',
    when: assessSystem,
    prompt: text(
      'Erzeugt oder verändert die Anwendung Inhalte – Texte, Bilder, Audio oder Video?',
      'Does the application generate or manipulate content — text, images, audio or video?',
    ),
    help: text(
      'Art. 50 Abs. 2: Anbieter solcher Systeme, auch von KI-Systemen mit allgemeinem Verwendungszweck, kennzeichnen die Ergebnisse maschinenlesbar als künstlich erzeugt oder verändert (z. B. Metadaten, Wasserzeichen).',
      'Art. 50(2): providers of such systems, including general-purpose AI systems, mark the outputs in a machine-readable format as artificially generated or manipulated (e.g. metadata, watermarks).',
    ),
    articles: ['Art. 50(2)'],
    options: yesNo,
  },
  {
    id: 'art50-assistive-editing-only',
    section: 'transparency',
    kind: 'single',
    when: generatesContent,
    prompt: text(
      'Unterstützt die Anwendung nur bei der üblichen Bearbeitung, oder verändert sie die Eingaben und ihre Bedeutung nicht wesentlich – z. B. Rechtschreibkorrektur oder eine Übersetzung, die den Sinn erhält?',
      'Does the application only assist with standard editing, or not substantially alter the input or its meaning — e.g. spelling correction, or a translation that keeps the meaning?',
    ),
    help: text(
      'Dann entfällt die maschinenlesbare Kennzeichnung nach Art. 50 Abs. 2 (letzter Satz).',
      'Then the machine-readable marking under Art. 50(2) is not required (last sentence).',
    ),
    articles: ['Art. 50(2)'],
    options: yesNo,
  },
  {
    id: 'art50-deepfake',
    section: 'transparency',
    kind: 'single',
    when: generatesContent,
    prompt: text(
      'Erzeugt oder verändert die Anwendung Bilder, Ton oder Video, die echten Personen, Gegenständen, Orten, Einrichtungen oder Ereignissen ähneln und fälschlich als echt erscheinen können (Deepfake)?',
      'Does the application generate or manipulate images, audio or video that resemble existing persons, objects, places, entities or events and would falsely appear authentic (deep fake)?',
    ),
    help: text(
      'Art. 50 Abs. 4 Unterabs. 1 mit Art. 3 Nr. 60: Wer Deepfakes einsetzt, legt offen, dass sie künstlich erzeugt oder verändert sind; bei offensichtlich künstlerischen, satirischen oder fiktionalen Werken so, dass die Darstellung nicht beeinträchtigt wird. Leitplanke: Fotorealistische Bilder, die für ein Foto eines echten Ereignisses gehalten werden können, als KI-Montage kennzeichnen (LABEL-3).',
      'Art. 50(4), first subparagraph, with Art. 3(60): deployers of deep fakes disclose that the content is artificially generated or manipulated; for evidently artistic, satirical or fictional works, in a way that does not hamper its display. Leitplanke: label photorealistic images that could be taken for a photo of a real event as AI montage (LABEL-3).',
    ),
    articles: ['Art. 50(4)', 'Art. 3(60)'],
    options: yesNo,
  },
  {
    id: 'art50-public-interest-text',
    section: 'transparency',
    kind: 'single',
    when: generatesContent,
    prompt: text(
      'Werden mit der Anwendung erzeugte oder veränderte Texte veröffentlicht, um die Öffentlichkeit über Angelegenheiten von öffentlichem Interesse zu informieren – z. B. Pressemitteilungen, Nachrichten, politische Informationen?',
      'Is text generated or manipulated with the application published to inform the public on matters of public interest — e.g. press releases, news, political information?',
    ),
    help: text(
      'Art. 50 Abs. 4 Unterabs. 2: Dann wird offengelegt, dass der Text künstlich erzeugt oder verändert ist – außer er wurde von Menschen geprüft oder redaktionell kontrolliert und jemand trägt die redaktionelle Verantwortung (nächste Frage).',
      'Art. 50(4), second subparagraph: then it must be disclosed that the text is artificially generated or manipulated — unless it underwent human review or editorial control and someone holds editorial responsibility (next question).',
    ),
    articles: ['Art. 50(4)'],
    options: yesNo,
  },
  {
    id: 'art50-editorial-review',
    section: 'transparency',
    kind: 'single',
    when: all(generatesContent, is('art50-public-interest-text', 'yes')),
    prompt: text(
      'Prüft vor jeder Veröffentlichung ein Mensch den Text oder kontrolliert ihn redaktionell, und trägt eine Person oder Ihre Organisation die redaktionelle Verantwortung?',
      'Does a person review or editorially control each text before publication, and does a person or your organisation hold editorial responsibility for it?',
    ),
    help: text(
      'Dann entfällt die Offenlegung nach Art. 50 Abs. 4 Unterabs. 2. Leitplanke empfiehlt trotzdem eine Kennzeichnung, wo sie für die Leserinnen und Leser wichtig ist (LABEL-1).',
      'Then the disclosure under Art. 50(4), second subparagraph, is not required. Leitplanke still recommends a label where it matters to readers (LABEL-1).',
    ),
    articles: ['Art. 50(4)'],
    options: yesNo,
  },
  {
    id: 'art50-biometric-categorisation',
    section: 'transparency',
    kind: 'single',
    when: all(assessSystem, not(emotionOrBiometricImplied)),
    prompt: text(
      'Ordnet die Anwendung Menschen anhand biometrischer Daten (Gesicht, Stimme, Körper) Kategorien zu, z. B. nach Alter oder Geschlecht?',
      'Does the application assign people to categories based on biometric data (face, voice, body), e.g. by age or sex?',
    ),
    help: text(
      'Art. 50 Abs. 3 mit Art. 3 Nr. 40: Betreiber informieren die betroffenen Menschen über den Betrieb des Systems. Emotionserkennung wurde bereits bei Anhang III Nr. 1 erfasst.',
      'Art. 50(3) with Art. 3(40): deployers inform the people exposed to it that the system is operating. Emotion recognition was already covered under Annex III point 1.',
    ),
    articles: ['Art. 50(3)', 'Art. 3(40)'],
    options: yesNo,
  },
];
