import { text, type Text } from '../../core/l10n.js';

export type Addressee = 'provider' | 'deployer' | 'provider-and-deployer';
export type Obligation = { id: string; article: string; addressee: Addressee; text: Text };

type Entry = Omit<Obligation, 'id'>;

function entry(article: string, addressee: Addressee, de: string, en: string): Entry {
  return { article, addressee, text: text(de, en) };
}

/** The checklist items classify() picks from, keyed by a stable id the UI can tick off. */
export const obligationCatalog = {
  'ai-literacy': entry(
    'Art. 4',
    'provider-and-deployer',
    'Maßnahmen ergreifen, damit Beschäftigte und alle, die das System in Ihrem Auftrag nutzen, über ausreichende KI-Kompetenz verfügen – passend zu Vorwissen, Aufgabe und Einsatz.',
    'Take measures so that staff and everyone using the system on your behalf have sufficient AI literacy, suited to their knowledge, task and context.',
  ),
  'voluntary-codes': entry(
    'Art. 95',
    'provider-and-deployer',
    'Freiwillig: Verhaltenskodizes anwenden, die Anforderungen für Hochrisiko-Systeme ganz oder teilweise übernehmen.',
    'Voluntary: apply codes of conduct that adopt some or all of the requirements for high-risk systems.',
  ),
  'stop-prohibited-practice': entry(
    'Art. 5',
    'provider-and-deployer',
    'Die Anwendung darf weder angeboten noch in Betrieb genommen noch verwendet werden. Zweck oder Gestaltung ändern und die Bewertung wiederholen.',
    'The application must not be placed on the market, put into service or used. Change its purpose or design and repeat the assessment.',
  ),
  'rbi-safeguards': entry(
    'Art. 5(2)–(4)',
    'deployer',
    'Jeden Einsatz vorab von einem Gericht oder einer unabhängigen Verwaltungsbehörde genehmigen lassen, Grundrechte-Folgenabschätzung und Registrierung abschließen und jeden Einsatz der Marktüberwachungs- und der Datenschutzbehörde melden.',
    'Obtain prior authorisation from a judicial or independent administrative authority for each use, complete the fundamental rights impact assessment and registration, and notify each use to the market surveillance and data protection authorities.',
  ),
  'risk-management': entry(
    'Art. 9',
    'provider',
    'Ein Risikomanagementsystem für den gesamten Lebenszyklus einrichten: Risiken für Gesundheit, Sicherheit und Grundrechte ermitteln, bewerten, mindern und das System testen.',
    'Establish a risk management system for the whole life cycle: identify, evaluate and mitigate risks to health, safety and fundamental rights, and test the system.',
  ),
  'data-governance': entry(
    'Art. 10',
    'provider',
    'Trainings-, Validierungs- und Testdaten müssen zum Zweck passen, hinreichend repräsentativ und so weit wie möglich fehlerfrei und vollständig sein; Verzerrungen (Bias) prüfen und mindern.',
    'Training, validation and test data must be relevant, sufficiently representative and as far as possible free of errors and complete; examine and mitigate bias.',
  ),
  'technical-documentation': entry(
    'Art. 11',
    'provider',
    'Technische Dokumentation nach Anhang IV vor der Inbetriebnahme erstellen und aktuell halten.',
    'Draw up technical documentation as set out in Annex IV before putting the system into service, and keep it up to date.',
  ),
  'record-keeping': entry(
    'Art. 12',
    'provider',
    'Das System protokolliert Ereignisse während seiner Lebensdauer automatisch, damit sein Betrieb nachvollziehbar ist.',
    'The system automatically records events (logs) over its lifetime so that its operation can be traced.',
  ),
  'instructions-for-use': entry(
    'Art. 13',
    'provider',
    'Eine Betriebsanleitung für Betreiber bereitstellen: Zweck, Genauigkeit, bekannte Risiken, menschliche Aufsicht und wie die Ergebnisse zu deuten sind.',
    'Provide instructions for use to deployers: purpose, accuracy, known risks, human oversight and how to interpret the output.',
  ),
  'human-oversight-design': entry(
    'Art. 14',
    'provider',
    'So gestalten, dass Menschen das System wirksam beaufsichtigen können: Ergebnisse verstehen, blindes Vertrauen erkennen, Ergebnisse übergehen, das System anhalten.',
    'Design the system so that people can oversee it effectively: understand its output, notice over-reliance, override the output, stop the system.',
  ),
  'accuracy-robustness-cybersecurity': entry(
    'Art. 15',
    'provider',
    'Angemessene Genauigkeit, Robustheit und Cybersicherheit erreichen und die Genauigkeitswerte in der Betriebsanleitung angeben.',
    'Achieve an appropriate level of accuracy, robustness and cybersecurity, and state the accuracy metrics in the instructions for use.',
  ),
  'quality-management': entry(
    'Art. 17',
    'provider',
    'Ein schriftlich dokumentiertes Qualitätsmanagementsystem einrichten.',
    'Put in place a quality management system, documented in writing.',
  ),
  'documentation-retention': entry(
    'Art. 18',
    'provider',
    'Dokumentation zehn Jahre lang für die Behörden bereithalten.',
    'Keep the documentation available to the authorities for ten years.',
  ),
  'log-retention-provider': entry(
    'Art. 19',
    'provider',
    'Automatisch erzeugte Logs, soweit sie unter Ihrer Kontrolle stehen, mindestens sechs Monate aufbewahren.',
    'Keep automatically generated logs under your control for at least six months.',
  ),
  'corrective-actions': entry(
    'Art. 20',
    'provider',
    'Bei Mängeln sofort korrigieren, das System zurückziehen oder abschalten und die Betreiber informieren.',
    'If the system does not conform, take corrective action at once, withdraw or disable it, and inform the deployers.',
  ),
  'conformity-assessment': entry(
    'Art. 43, 47, 48',
    'provider',
    'Vor der Inbetriebnahme die Konformitätsbewertung durchführen, die EU-Konformitätserklärung ausstellen und die CE-Kennzeichnung anbringen.',
    'Before putting the system into service, carry out the conformity assessment, draw up the EU declaration of conformity and affix the CE marking.',
  ),
  'registration-provider': entry(
    'Art. 49(1), 71',
    'provider',
    'Das System vor der Inbetriebnahme in der EU-Datenbank registrieren.',
    'Register the system in the EU database before putting it into service.',
  ),
  'registration-provider-national': entry(
    'Art. 49(5)',
    'provider',
    'Das System (kritische Infrastruktur) vor der Inbetriebnahme auf nationaler Ebene registrieren.',
    'Register the system (critical infrastructure) at national level before putting it into service.',
  ),
  accessibility: entry(
    'Art. 16(l)',
    'provider',
    'Die Barrierefreiheitsanforderungen der Richtlinien (EU) 2016/2102 und (EU) 2019/882 erfüllen.',
    'Meet the accessibility requirements of Directives (EU) 2016/2102 and (EU) 2019/882.',
  ),
  'post-market-monitoring': entry(
    'Art. 72',
    'provider',
    'Die Leistung des Systems nach der Inbetriebnahme systematisch beobachten und dokumentieren.',
    'Systematically monitor and document the performance of the system after it is put into service.',
  ),
  'serious-incidents-provider': entry(
    'Art. 73',
    'provider',
    'Schwerwiegende Vorfälle der Marktüberwachungsbehörde melden, spätestens 15 Tage nach Kenntnis (in schweren Fällen früher).',
    'Report serious incidents to the market surveillance authority within 15 days of becoming aware of them (sooner in severe cases).',
  ),
  'deployer-use-per-instructions': entry(
    'Art. 26(1)',
    'deployer',
    'Das System gemäß der Betriebsanleitung des Anbieters verwenden.',
    "Use the system in accordance with the provider's instructions for use.",
  ),
  'deployer-human-oversight': entry(
    'Art. 26(2)',
    'deployer',
    'Die menschliche Aufsicht Personen mit der nötigen Kompetenz, Ausbildung und Befugnis übertragen und sie dabei unterstützen.',
    'Assign human oversight to people with the necessary competence, training and authority, and support them.',
  ),
  'deployer-input-data': entry(
    'Art. 26(4)',
    'deployer',
    'Soweit Sie die Eingabedaten kontrollieren: Sie müssen zum Zweck passen und hinreichend repräsentativ sein.',
    'In so far as you control the input data, ensure it is relevant and sufficiently representative for the purpose.',
  ),
  'deployer-monitoring': entry(
    'Art. 26(5)',
    'deployer',
    'Den Betrieb überwachen; bei Risiken den Anbieter und die Marktüberwachung informieren und die Nutzung aussetzen; schwerwiegende Vorfälle melden.',
    'Monitor operation; where risks arise, inform the provider and market surveillance and suspend use; report serious incidents.',
  ),
  'deployer-log-retention': entry(
    'Art. 26(6)',
    'deployer',
    'Automatisch erzeugte Logs, soweit sie unter Ihrer Kontrolle stehen, mindestens sechs Monate aufbewahren.',
    'Keep automatically generated logs under your control for at least six months.',
  ),
  'deployer-inform-workers': entry(
    'Art. 26(7)',
    'deployer',
    'Vor dem Einsatz am Arbeitsplatz die Beschäftigtenvertretung (Personal- oder Betriebsrat) und die betroffenen Beschäftigten informieren.',
    "Before using the system at the workplace, inform the workers' representatives (staff or works council) and the affected workers.",
  ),
  'deployer-registration': entry(
    'Art. 26(8), 49(3)',
    'deployer',
    'Als Behörde die Nutzung vor dem Einsatz in der EU-Datenbank registrieren.',
    'As a public authority, register the use in the EU database before using the system.',
  ),
  'deployer-dpia': entry(
    'Art. 26(9)',
    'deployer',
    'Die Informationen des Anbieters (Art. 13) für die Datenschutz-Folgenabschätzung nach Art. 35 DSGVO nutzen.',
    "Use the provider's information (Art. 13) for the data protection impact assessment under Art. 35 GDPR.",
  ),
  'deployer-inform-affected': entry(
    'Art. 26(11)',
    'deployer',
    'Menschen informieren, über die das System Entscheidungen trifft oder vorbereitet.',
    'Inform the people about whom the system makes or assists decisions.',
  ),
  'fundamental-rights-impact-assessment': entry(
    'Art. 27',
    'deployer',
    'Vor dem ersten Einsatz eine Grundrechte-Folgenabschätzung durchführen und das Ergebnis der Marktüberwachungsbehörde mitteilen.',
    'Before first use, carry out a fundamental rights impact assessment and notify the market surveillance authority of the result.',
  ),
  'right-to-explanation': entry(
    'Art. 86',
    'deployer',
    'Betroffenen auf Verlangen erklären, welche Rolle das System bei einer Entscheidung mit rechtlicher oder ähnlich erheblicher Wirkung hatte.',
    'On request, explain to affected people the role the system played in a decision with legal or similarly significant effects.',
  ),
  'document-non-high-risk': entry(
    'Art. 6(4)',
    'provider',
    'Die Bewertung, dass das System trotz Anhang III kein Hochrisiko-System ist, vor der Inbetriebnahme dokumentieren und den Behörden auf Verlangen vorlegen.',
    'Document the assessment that the system is not high-risk despite Annex III before putting it into service, and provide it to the authorities on request.',
  ),
  'register-non-high-risk': entry(
    'Art. 49(2)',
    'provider',
    'Das System trotzdem in der EU-Datenbank registrieren.',
    'Register the system in the EU database all the same.',
  ),
  'disclose-ai-interaction': entry(
    'Art. 50(1), (5)',
    'provider',
    'Das System so gestalten, dass Menschen spätestens bei der ersten Interaktion klar und barrierefrei erfahren, dass sie mit einer KI kommunizieren.',
    'Design the system so that people are told clearly and accessibly, at the latest at the first interaction, that they are communicating with an AI.',
  ),
  'mark-synthetic-content': entry(
    'Art. 50(2)',
    'provider',
    'Erzeugte Inhalte maschinenlesbar als künstlich erzeugt oder verändert kennzeichnen (z. B. Metadaten, Wasserzeichen) – wirksam, interoperabel und robust, soweit technisch möglich.',
    'Mark generated content in a machine-readable format as artificially generated or manipulated (e.g. metadata, watermarks) — effective, interoperable and robust as far as technically feasible.',
  ),
  'inform-biometric-emotion': entry(
    'Art. 50(3)',
    'deployer',
    'Die betroffenen Menschen über den Betrieb der Emotionserkennung oder biometrischen Kategorisierung informieren; Daten nach der DSGVO verarbeiten.',
    'Inform the people exposed that emotion recognition or biometric categorisation is operating; process the data in line with the GDPR.',
  ),
  'disclose-deepfake': entry(
    'Art. 50(4)',
    'deployer',
    'Offenlegen, dass Bilder, Ton oder Video künstlich erzeugt oder verändert sind; bei offensichtlich künstlerischen, satirischen oder fiktionalen Werken so, dass die Darstellung nicht beeinträchtigt wird.',
    'Disclose that images, audio or video are artificially generated or manipulated; for evidently artistic, satirical or fictional works, in a way that does not hamper their display.',
  ),
  'disclose-public-interest-text': entry(
    'Art. 50(4)',
    'deployer',
    'Offenlegen, dass veröffentlichte Texte zu Angelegenheiten von öffentlichem Interesse künstlich erzeugt oder verändert sind.',
    'Disclose that published text on matters of public interest is artificially generated or manipulated.',
  ),
  'gpai-technical-documentation': entry(
    'Art. 53(1)(a)',
    'provider',
    'Technische Dokumentation des Modells nach Anhang XI erstellen und dem KI-Büro auf Verlangen vorlegen.',
    'Draw up technical documentation of the model as set out in Annex XI and provide it to the AI Office on request.',
  ),
  'gpai-downstream-information': entry(
    'Art. 53(1)(b)',
    'provider',
    'Nachgelagerten Anbietern, die das Modell einbauen, Informationen nach Anhang XII bereitstellen.',
    'Provide the information set out in Annex XII to downstream providers who integrate the model.',
  ),
  'gpai-copyright-policy': entry(
    'Art. 53(1)(c)',
    'provider',
    'Eine Strategie zur Einhaltung des Urheberrechts umsetzen, insbesondere für Nutzungsvorbehalte nach Art. 4 Abs. 3 der Richtlinie (EU) 2019/790.',
    'Put in place a policy to comply with copyright law, in particular reservations of rights under Art. 4(3) of Directive (EU) 2019/790.',
  ),
  'gpai-training-content-summary': entry(
    'Art. 53(1)(d)',
    'provider',
    'Eine ausreichend detaillierte Zusammenfassung der Trainingsinhalte nach der Vorlage des KI-Büros veröffentlichen.',
    "Publish a sufficiently detailed summary of the training content using the AI Office's template.",
  ),
  'gpai-notify-commission': entry(
    'Art. 52(1)',
    'provider',
    'Die Kommission unverzüglich, spätestens zwei Wochen nachdem die Schwelle erreicht ist oder absehbar erreicht wird, benachrichtigen.',
    'Notify the Commission without delay, and within two weeks of the threshold being met or becoming known that it will be met.',
  ),
  'gpai-model-evaluation': entry(
    'Art. 55(1)(a)',
    'provider',
    'Das Modell nach dem Stand der Technik bewerten, einschließlich dokumentierter Angriffstests (Adversarial Testing).',
    'Evaluate the model with state-of-the-art methods, including documented adversarial testing.',
  ),
  'gpai-systemic-risk-mitigation': entry(
    'Art. 55(1)(b)',
    'provider',
    'Mögliche systemische Risiken auf Unionsebene bewerten und mindern.',
    'Assess and mitigate possible systemic risks at Union level.',
  ),
  'gpai-serious-incidents': entry(
    'Art. 55(1)(c)',
    'provider',
    'Schwerwiegende Vorfälle und Abhilfemaßnahmen unverzüglich dem KI-Büro und gegebenenfalls den nationalen Behörden melden.',
    'Report serious incidents and corrective measures to the AI Office and, where appropriate, national authorities without undue delay.',
  ),
  'gpai-cybersecurity': entry(
    'Art. 55(1)(d)',
    'provider',
    'Angemessene Cybersicherheit für das Modell und seine physische Infrastruktur gewährleisten.',
    'Ensure adequate cybersecurity for the model and its physical infrastructure.',
  ),
} satisfies Record<string, Entry>;

export type ObligationId = keyof typeof obligationCatalog;

export function obligation(id: ObligationId): Obligation {
  return { id, ...obligationCatalog[id] };
}
