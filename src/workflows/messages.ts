import { text } from '../core/l10n.js';

export const workflowMessages = {
  workflowNotFound: (id: string) =>
    text(`Es gibt keinen Arbeitsablauf „${id}“.`, `There is no workflow "${id}".`),
  caseNotFound: text('Vorgang nicht gefunden.', 'Case not found.'),
  actionNotFound: text('Aktion nicht gefunden.', 'Action not found.'),
  invalidInput: text(
    'Das Formular enthält Fehler. Bitte die markierten Felder prüfen.',
    'The form has errors. Check the marked fields.',
  ),
  caseClosed: text(
    'Der Vorgang ist bereits entschieden; Entwurf und Text lassen sich nicht mehr ändern.',
    'The case has already been decided; its draft and text can no longer be changed.',
  ),
  notApproved: text(
    'Versandt wird nur ein freigegebener Text. Bitte den Vorgang zuerst freigeben.',
    'Only an approved text is sent. Approve the case first.',
  ),
  alreadySent: text('Der Text wurde bereits versandt.', 'The text has already been sent.'),
  noRecipient: text(
    'Für diesen Vorgang ist keine E-Mail-Adresse angegeben.',
    'This case has no email address to send to.',
  ),
  personRequired: text(
    'Freigeben, Verwerfen und Bestätigen darf nur eine angemeldete Person, kein API-Schlüssel.',
    'Only a signed-in person may approve, reject or confirm, not an API key.',
  ),
  wrongApprovalRole: (roles: string) =>
    text(
      `Diesen Vorgang dürfen nur Personen mit der Rolle ${roles} freigeben oder verwerfen.`,
      `Only people with the role ${roles} may approve or reject this case.`,
    ),
  emptyFinalText: text('Der freizugebende Text ist leer.', 'The text to approve is empty.'),
  unknownOutcome: text(
    'Diese Entscheidung sieht der Arbeitsablauf nicht vor.',
    'The workflow has no such decision.',
  ),
  justificationRequired: text(
    'Die Entscheidung weicht vom Vorschlag der Regelprüfung ab. Bitte begründen.',
    'The decision departs from the rules’ suggestion. Please give a reason.',
  ),
  rejectionReasonRequired: text(
    'Bitte angeben, warum der Entwurf verworfen wird.',
    'Please say why the draft is rejected.',
  ),
  prohibited: text(
    'Der Anwendungsfall ist im Transparenzregister als verbotene Praxis eingestuft; der Arbeitsablauf darf nicht genutzt werden.',
    'The use case is classified as a prohibited practice in the transparency register; the workflow must not be used.',
  ),
  csvEmpty: text('Die CSV-Datei enthält keine Zeilen.', 'The CSV file has no rows.'),
  csvTooLarge: (max: number) => text(`Höchstens ${max} Zeilen je Datei.`, `At most ${max} rows per file.`),
  csvColumns: (columns: string) =>
    text(
      `Unbekannte Spalten: ${columns}. Erlaubt sind die Feldnamen des Formulars.`,
      `Unknown columns: ${columns}. Use the form's field names.`,
    ),
  noAgent: text(
    'Dieser Arbeitsablauf hat keinen Assistenten für Folgeschritte.',
    'This workflow has no assistant for follow-up steps.',
  ),
  agentNeedsDecision: text(
    'Der Assistent schlägt Folgeschritte erst vor, wenn der Vorgang freigegeben ist.',
    'The assistant proposes follow-up steps only once the case is approved.',
  ),
  actionDecided: text(
    'Über diese Aktion wurde bereits entschieden.',
    'This action has already been decided.',
  ),
  channelNotFound: (name: string) =>
    text(`Es gibt keinen Kanal „${name}“.`, `There is no channel "${name}".`),
  draftFailed: (detail: string) =>
    text(`Der Entwurf konnte nicht erzeugt werden: ${detail}`, `The draft could not be generated: ${detail}`),
};
