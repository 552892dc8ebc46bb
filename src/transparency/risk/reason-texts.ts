import { text, type Text } from '../../core/l10n.js';

/** Sentences classify() puts into `reasons`, so a person can follow how the class came about. */
export const reasonTexts = {
  notAiSystem: text(
    'Nach Ihren Angaben ist die Anwendung kein KI-System; die Pflichten der KI-Verordnung für KI-Systeme gelten nicht. Verbotene Praktiken und Rechte von Beschäftigten und Mitgliedern wurden trotzdem geprüft.',
    'According to your answers the application is not an AI system; the AI Act obligations for AI systems do not apply. Prohibited practices and the rights of staff and members were checked all the same.',
  ),
  noProhibitedPractice: text(
    'Keine der verbotenen Praktiken trifft zu.',
    'None of the prohibited practices applies.',
  ),
  staffMemberScoring: text(
    'Die Anwendung überwacht oder bewertet Beschäftigte oder Mitglieder. Leitplanke schließt das aus; die Anwendung kann nicht in den Pilot- oder Regelbetrieb gehen.',
    'The application monitors or evaluates staff or members. Leitplanke excludes this; the application cannot go into pilot or regular use.',
  ),
  annexIHighRisk: text(
    'Die Anwendung ist ein Produkt oder Sicherheitsbauteil nach Anhang I und muss von Dritten geprüft werden: Hochrisiko-System.',
    'The application is a product or safety component under Annex I that requires third-party conformity assessment: high-risk system.',
  ),
  annexINoThirdParty: text(
    'Das Produkt nach Anhang I braucht keine Prüfung durch Dritte; Art. 6 Abs. 1 macht es daher nicht zum Hochrisiko-System.',
    'The Annex I product needs no third-party conformity assessment, so Art. 6(1) does not make it high-risk.',
  ),
  noHighRiskArea: text(
    'Kein Hochrisiko-System: weder ein Produkt nach Anhang I mit Prüfung durch Dritte noch ein Anwendungsfall aus Anhang III.',
    'Not a high-risk system: neither an Annex I product requiring third-party assessment nor an Annex III use case.',
  ),
  voterExposureExcluded: text(
    'Das Werkzeug dient nur der administrativen oder logistischen Organisation des Wahlkampfs; Menschen sind seinen Ergebnissen nicht direkt ausgesetzt. Es fällt daher nicht unter Anhang III Nr. 8 Buchst. b.',
    'The tool only organises the campaign administratively or logistically; people are not directly exposed to its output. It is therefore not covered by Annex III 8(b).',
  ),
  profiling: text(
    'Das System erstellt Profile von Menschen. Es bleibt deshalb ein Hochrisiko-System; die Ausnahme nach Art. 6 Abs. 3 gilt nicht.',
    'The system profiles people. It therefore remains high-risk; the Art. 6(3) derogation does not apply.',
  ),
  noDerogation: text(
    'Keine Ausnahme nach Art. 6 Abs. 3 trifft zu; das System ist ein Hochrisiko-System.',
    'No derogation under Art. 6(3) applies; the system is high-risk.',
  ),
  becomesProvider: text(
    'Sie setzen das System anders ein als vom Anbieter vorgesehen, haben es wesentlich verändert oder bieten es unter eigenem Namen an. Damit gelten Sie selbst als Anbieter und haben auch dessen Pflichten.',
    "You use the system differently from the provider's intended purpose, modified it substantially or offer it under your name. You are therefore considered its provider and also carry the provider's obligations.",
  ),
  interaction: text(
    'Menschen kommunizieren direkt mit der Anwendung; sie müssen erfahren, dass sie mit einer KI kommunizieren.',
    'People communicate directly with the application; they must be told that they are communicating with an AI.',
  ),
  syntheticContent: text(
    'Die Anwendung erzeugt oder verändert Inhalte; diese müssen maschinenlesbar gekennzeichnet werden.',
    'The application generates or manipulates content; it must be marked in a machine-readable format.',
  ),
  assistiveEditing: text(
    'Die Anwendung unterstützt nur bei der Bearbeitung, ohne Inhalte wesentlich zu verändern; eine maschinenlesbare Kennzeichnung ist nicht nötig.',
    'The application only assists with editing without substantially altering content; machine-readable marking is not required.',
  ),
  biometricOrEmotion: text(
    'Emotionserkennung oder biometrische Kategorisierung: Die betroffenen Menschen müssen informiert werden.',
    'Emotion recognition or biometric categorisation: the people exposed to it must be informed.',
  ),
  deepfake: text(
    'Die Anwendung erzeugt Deepfakes; sie müssen als künstlich erzeugt oder verändert offengelegt werden.',
    'The application produces deep fakes; they must be disclosed as artificially generated or manipulated.',
  ),
  publicInterestText: text(
    'Veröffentlichte Texte zu Angelegenheiten von öffentlichem Interesse müssen als künstlich erzeugt offengelegt werden.',
    'Published text on matters of public interest must be disclosed as artificially generated.',
  ),
  editorialReview: text(
    'Texte werden vor der Veröffentlichung redaktionell geprüft und verantwortet; die Offenlegungspflicht nach Art. 50 Abs. 4 entfällt (Leitplanke empfiehlt trotzdem eine Kennzeichnung).',
    'Texts are editorially reviewed and someone holds editorial responsibility before publication; the Art. 50(4) disclosure is not required (Leitplanke still recommends a label).',
  ),
  noTransparencyCase: text(
    'Keiner der Transparenzfälle des Art. 50 trifft zu.',
    'None of the Art. 50 transparency cases applies.',
  ),
  gpai: text(
    'Sie stellen ein KI-Modell mit allgemeinem Verwendungszweck bereit; es gelten die Pflichten für Modellanbieter.',
    'You provide a general-purpose AI model; the obligations for model providers apply.',
  ),
  gpaiSystemicRisk: text(
    'Das Modell hat ein systemisches Risiko; zusätzlich gelten Art. 52 und Art. 55.',
    'The model has systemic risk; Art. 52 and Art. 55 apply in addition.',
  ),
  gpaiOpenSource: text(
    'Das Modell ist quelloffen lizenziert; technische Dokumentation und Informationen für nachgelagerte Anbieter entfallen.',
    'The model is released under an open-source licence; technical documentation and downstream information are not required.',
  ),
};

export function annexIIIReason(label: Text): Text {
  return text(
    `Hochrisiko-Bereich nach Art. 6 Abs. 2: ${label.de}.`,
    `High-risk use case under Art. 6(2): ${label.en}.`,
  );
}

export function derogationReason(label: Text): Text {
  return text(
    `Trotz Anhang III kein Hochrisiko-System nach Art. 6 Abs. 3: ${label.de}.`,
    `Not high-risk despite Annex III, under Art. 6(3): ${label.en}.`,
  );
}
