import { text } from '../../../core/l10n.js';
import { is } from '../conditions.js';
import type { Question } from '../questionnaire-types.js';
import { yesNo } from './options.js';

// Asked for every application, AI system or not: the platform excludes these practices whatever the
// technique (OPEN-2), and whether a system "infers" (Art. 3(1)) is easy to misjudge.
export const prohibitedQuestions: readonly Question[] = [
  {
    id: 'art5-manipulation',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Setzt die Anwendung unterschwellige, absichtlich manipulative oder täuschende Techniken ein, die das Verhalten von Menschen wesentlich verändern, sodass sie Entscheidungen treffen, die sie sonst nicht getroffen hätten, und die ihnen oder anderen erheblich schaden können?',
      'Does the application use subliminal, purposefully manipulative or deceptive techniques that materially distort how people behave, so that they take decisions they would not otherwise have taken, in a way that causes or is likely to cause them or others significant harm?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. a. Gemeint sind Techniken, die die Fähigkeit zu einer informierten Entscheidung spürbar beeinträchtigen, z. B. Botschaften unterhalb der Wahrnehmungsschwelle oder gezielte Täuschung. Erkennbare Überzeugungsarbeit und Werbung sind nicht gemeint; die Beeinflussung von Wahlverhalten ist aber ein Hochrisiko-Fall (Anhang III Nr. 8 Buchst. b) und wird später gefragt.',
      'Prohibited under Art. 5(1)(a). This means techniques that appreciably impair the ability to make an informed decision, such as messages below the threshold of perception or targeted deception. Recognisable persuasion and advertising are not meant; influencing voting behaviour is, however, a high-risk case (Annex III 8(b)) asked about later.',
    ),
    articles: ['Art. 5(1)(a)'],
    options: yesNo,
  },
  {
    id: 'art5-vulnerabilities',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Nutzt die Anwendung Schwächen von Menschen aufgrund ihres Alters, einer Behinderung oder ihrer besonderen sozialen oder wirtschaftlichen Lage aus, um ihr Verhalten so zu verändern, dass ihnen oder anderen erheblicher Schaden entstehen kann?',
      'Does the application exploit vulnerabilities of people due to their age, a disability or a specific social or economic situation, to distort their behaviour in a way that causes or is likely to cause them or others significant harm?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. b. Beispiel: ein System, das Menschen in finanzieller Not gezielt zu nachteiligen Entscheidungen drängt.',
      'Prohibited under Art. 5(1)(b). Example: a system that deliberately pushes people in financial hardship into decisions that harm them.',
    ),
    articles: ['Art. 5(1)(b)'],
    options: yesNo,
  },
  {
    id: 'art5-social-scoring',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Bewertet oder klassifiziert die Anwendung Menschen über einen Zeitraum anhand ihres sozialen Verhaltens oder persönlicher Eigenschaften, und führt der Punktwert zu einer Schlechterstellung – in einem Zusammenhang, der mit dem ursprünglichen nichts zu tun hat, oder in einem ungerechtfertigten oder unverhältnismäßigen Ausmaß?',
      'Does the application evaluate or classify people over a period of time based on their social behaviour or personal characteristics, with the score leading to detrimental treatment — in a context unrelated to the one in which the data was collected, or to an unjustified or disproportionate degree?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. c (Social Scoring). Beispiel: Wer in einem Beteiligungsportal kritisch kommentiert, bekommt schlechtere Termine im Bürgeramt.',
      "Prohibited under Art. 5(1)(c) (social scoring). Example: people who post critical comments on a participation portal get worse appointments at the citizens' office.",
    ),
    articles: ['Art. 5(1)(c)'],
    options: yesNo,
  },
  {
    id: 'art5-crime-prediction',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Bewertet oder sagt die Anwendung das Risiko vorher, dass ein Mensch eine Straftat begeht – allein aufgrund von Profiling oder der Bewertung seiner Persönlichkeitsmerkmale?',
      'Does the application assess or predict the risk of a person committing a criminal offence, based solely on profiling or on assessing their personality traits and characteristics?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. d – gleich, wer die Anwendung nutzt. Ausgenommen sind Systeme, die eine menschliche Bewertung unterstützen, die sich bereits auf objektive und überprüfbare Tatsachen stützt (nächste Frage).',
      'Prohibited under Art. 5(1)(d), whoever uses the application. Systems that support a human assessment already based on objective and verifiable facts are excepted (next question).',
    ),
    articles: ['Art. 5(1)(d)'],
    options: yesNo,
  },
  {
    id: 'art5-crime-prediction-exception',
    section: 'prohibited',
    kind: 'single',
    when: is('art5-crime-prediction', 'yes'),
    prompt: text(
      'Unterstützt die Anwendung nur eine menschliche Bewertung, ob jemand an einer kriminellen Aktivität beteiligt ist, die sich bereits auf objektive und überprüfbare Tatsachen stützt, die unmittelbar mit dieser Aktivität zusammenhängen?',
      "Does the application only support a human assessment of a person's involvement in a criminal activity that is already based on objective and verifiable facts directly linked to that activity?",
    ),
    help: text(
      'Dann greift das Verbot nicht (Art. 5 Abs. 1 Buchst. d, letzter Halbsatz). Nutzen Strafverfolgungsbehörden die Anwendung, ist sie ein Hochrisiko-System (Anhang III Nr. 6 Buchst. d) – bitte dort ankreuzen.',
      'Then the prohibition does not apply (Art. 5(1)(d), last part). If law enforcement authorities use the application, it is high-risk (Annex III 6(d)) — please tick that point later.',
    ),
    articles: ['Art. 5(1)(d)', 'Annex III 6(d)'],
    options: yesNo,
  },
  {
    id: 'art5-facial-scraping',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Erstellt oder erweitert die Anwendung Datenbanken zur Gesichtserkennung durch ungezieltes Auslesen von Gesichtsbildern aus dem Internet oder aus Videoüberwachung?',
      'Does the application create or expand facial recognition databases through untargeted scraping of facial images from the internet or CCTV footage?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. e, ohne Ausnahme.',
      'Prohibited under Art. 5(1)(e), without exception.',
    ),
    articles: ['Art. 5(1)(e)'],
    options: yesNo,
  },
  {
    id: 'art5-emotion-workplace',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Erkennt oder erschließt die Anwendung Emotionen von Menschen am Arbeitsplatz oder in Bildungseinrichtungen?',
      'Does the application infer the emotions of people at the workplace or in education institutions?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. f, außer aus medizinischen Gründen oder Sicherheitsgründen (nächste Frage). Emotionserkennung heißt, Emotionen oder Absichten aus biometrischen Daten wie Gesicht, Stimme oder Körperhaltung abzuleiten (Art. 3 Nr. 39). Nicht dazu gehören die Stimmungsanalyse geschriebener Texte und das Erkennen körperlicher Zustände wie Müdigkeit oder Schmerz (Erwägungsgrund 18).',
      'Prohibited under Art. 5(1)(f), except for medical or safety reasons (next question). Emotion recognition means inferring emotions or intentions from biometric data such as face, voice or posture (Art. 3(39)). Sentiment analysis of written text and detecting physical states such as fatigue or pain are not included (recital 18).',
    ),
    articles: ['Art. 5(1)(f)', 'Art. 3(39)'],
    options: yesNo,
  },
  {
    id: 'art5-emotion-workplace-exception',
    section: 'prohibited',
    kind: 'single',
    when: is('art5-emotion-workplace', 'yes'),
    prompt: text(
      'Soll das System aus medizinischen Gründen oder aus Sicherheitsgründen eingesetzt werden, z. B. für therapeutische Zwecke?',
      'Is the system intended to be used for medical or safety reasons, e.g. for therapeutic purposes?',
    ),
    help: text(
      'Dann greift das Verbot nicht (Art. 5 Abs. 1 Buchst. f). Emotionserkennung ist aber ein Hochrisiko-Fall (Anhang III Nr. 1 Buchst. c), und die betroffenen Menschen müssen informiert werden (Art. 50 Abs. 3).',
      'Then the prohibition does not apply (Art. 5(1)(f)). Emotion recognition is, however, a high-risk case (Annex III 1(c)), and the people concerned must be informed (Art. 50(3)).',
    ),
    articles: ['Art. 5(1)(f)', 'Annex III 1(c)', 'Art. 50(3)'],
    options: yesNo,
  },
  {
    id: 'art5-biometric-categorisation',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Ordnet die Anwendung Menschen anhand biometrischer Daten einzeln Kategorien zu, um ihre ethnische Herkunft, politische Meinung, Gewerkschaftszugehörigkeit, religiöse oder weltanschauliche Überzeugung, ihr Sexualleben oder ihre sexuelle Orientierung abzuleiten?',
      'Does the application categorise people individually based on biometric data to deduce or infer their race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation?',
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. g. Ausgenommen sind das Kennzeichnen oder Filtern rechtmäßig erworbener biometrischer Datensätze (z. B. Bilder) und die Kategorisierung biometrischer Daten im Bereich der Strafverfolgung (nächste Frage).',
      'Prohibited under Art. 5(1)(g). Labelling or filtering of lawfully acquired biometric datasets (such as images) and categorising biometric data in the area of law enforcement are excepted (next question).',
    ),
    articles: ['Art. 5(1)(g)'],
    options: yesNo,
  },
  {
    id: 'art5-biometric-categorisation-exception',
    section: 'prohibited',
    kind: 'single',
    when: is('art5-biometric-categorisation', 'yes'),
    prompt: text(
      'Geht es nur um das Kennzeichnen oder Filtern rechtmäßig erworbener biometrischer Datensätze oder um die Kategorisierung biometrischer Daten im Bereich der Strafverfolgung?',
      'Is it only about labelling or filtering lawfully acquired biometric datasets, or about categorising biometric data in the area of law enforcement?',
    ),
    help: text(
      'Dann greift das Verbot nicht (Art. 5 Abs. 1 Buchst. g, letzter Halbsatz). Prüfen Sie bei den Hochrisiko-Fragen, ob Anhang III Nr. 1 Buchst. b zutrifft.',
      'Then the prohibition does not apply (Art. 5(1)(g), last part). Check under the high-risk questions whether Annex III 1(b) applies.',
    ),
    articles: ['Art. 5(1)(g)', 'Annex III 1(b)'],
    options: yesNo,
  },
  {
    id: 'art5-realtime-biometric-identification',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Wird die Anwendung zur biometrischen Echtzeit-Fernidentifizierung von Menschen in öffentlich zugänglichen Räumen zu Zwecken der Strafverfolgung verwendet?',
      "Is the application used for 'real-time' remote biometric identification of people in publicly accessible spaces for the purposes of law enforcement?",
    ),
    help: text(
      'Verboten nach Art. 5 Abs. 1 Buchst. h, mit eng begrenzten Ausnahmen (nächste Frage). Beispiel: eine Kamera, die Gesichter von Passantinnen und Passanten live mit einer Fahndungsliste abgleicht.',
      'Prohibited under Art. 5(1)(h), with narrow exceptions (next question). Example: a camera that matches the faces of passers-by live against a wanted list.',
    ),
    articles: ['Art. 5(1)(h)'],
    options: yesNo,
  },
  {
    id: 'art5-realtime-biometric-identification-exception',
    section: 'prohibited',
    kind: 'single',
    when: is('art5-realtime-biometric-identification', 'yes'),
    prompt: text(
      'Ist jeder Einsatz unbedingt erforderlich für eines dieser Ziele – gezielte Suche nach bestimmten Opfern von Entführung, Menschenhandel oder sexueller Ausbeutung oder nach Vermissten; Abwehr einer konkreten, erheblichen und unmittelbaren Gefahr für Leib oder Leben oder eines Terroranschlags; Aufspüren Verdächtiger einer schweren Straftat nach Anhang II – und erlaubt ein nationales Gesetz den Einsatz, und genehmigt ein Gericht oder eine unabhängige Verwaltungsbehörde jeden Einsatz vorab?',
      'Is each use strictly necessary for one of these objectives — targeted search for specific victims of abduction, trafficking or sexual exploitation, or for missing persons; preventing a specific, substantial and imminent threat to life or physical safety, or a terrorist attack; locating a suspect of a serious crime listed in Annex II — and does national law allow the use, and does a judicial or independent administrative authority authorise each use in advance?',
    ),
    help: text(
      'Nur dann ist der Einsatz zulässig (Art. 5 Abs. 1 Buchst. h Ziff. i bis iii, Abs. 2 bis 5). Beim dritten Ziel muss die Straftat mit einer Freiheitsstrafe im Höchstmaß von mindestens vier Jahren bedroht sein. Das System ist dann ein Hochrisiko-System (Anhang III Nr. 1 Buchst. a).',
      'Only then is the use permitted (Art. 5(1)(h)(i) to (iii), Art. 5(2) to (5)). For the third objective the offence must be punishable by a custodial sentence with a maximum of at least four years. The system is then high-risk (Annex III 1(a)).',
    ),
    articles: ['Art. 5(1)(h)', 'Art. 5(2)', 'Art. 5(3)', 'Art. 5(5)', 'Annex III 1(a)'],
    options: yesNo,
  },
  {
    id: 'art5-intimate-imagery',
    section: 'prohibited',
    kind: 'single',
    prompt: text(
      'Ist die Anwendung dafür gemacht – oder ohne wirksame Schutzvorkehrungen ohne Weiteres dafür nutzbar –, sexuell explizite oder intime Bilder, Videos oder Tonaufnahmen realer Personen ohne deren Einwilligung oder Darstellungen sexuellen Kindesmissbrauchs zu erzeugen?',
      'Is the application designed — or readily usable without effective safeguards — to generate sexually explicit or intimate images, video or audio of real people without their consent, or child sexual abuse material?',
    ),
    help: text(
      'Diese Praxis verbietet Art. 5 in der Fassung des Digital-Omnibus zur KI (Verfahren 2025/0359(COD)), anwendbar ab 2. Dezember 2026. Leitplanke lässt solche Anwendungen in jedem Fall nicht zu. Bei Bildgeneratoren prüfen: Verhindert der Anbieter solche Ergebnisse wirksam?',
      'Art. 5 as amended by the Digital Omnibus on AI (procedure 2025/0359(COD)) prohibits this practice from 2 December 2026. Leitplanke never allows such applications. For image generators, check whether the provider effectively prevents such output.',
    ),
    articles: ['Art. 5 (Digital Omnibus on AI, 2025/0359(COD))'],
    options: yesNo,
  },
];
