import { text } from '../core/l10n.js';

export const evaluationMessages = {
  onlyBoard: text(
    'Nur Prüfer*innen der Hauptorganisation (Modellprüfung) können Evaluationen starten und ihre Einstellungen ändern.',
    'Only reviewers of the root organisation (model review board) can start evaluations and change their settings.',
  ),
  runNotFound: text('Diesen Evaluationslauf gibt es nicht.', 'This evaluation run does not exist.'),
  datasetNotFound: (id: string) => text(`Den Datensatz ${id} gibt es nicht.`, `There is no dataset ${id}.`),
  datasetExists: (name: string) =>
    text(`Einen Datensatz „${name}“ gibt es bereits.`, `A dataset "${name}" already exists.`),
  datasetEmpty: (problems: number) =>
    text(
      `Die Datei enthält keine verwendbaren Prüfungen (${problems} Probleme).`,
      `The file contains no usable items (${problems} problems).`,
    ),
  modelNotFound: (id: string) => text(`Das Modell „${id}“ gibt es im Register nicht.`, `There is no model "${id}" in the registry.`),
  notChatModel: (id: string) =>
    text(`„${id}“ ist kein Chat-Modell; nur Chat-Modelle werden getestet.`, `"${id}" is not a chat model; only chat models are tested.`),
  modelExcluded: (id: string) =>
    text(
      `„${id}“ ist ausgeschlossen und wird nicht aufgerufen, auch nicht für Tests.`,
      `"${id}" is excluded and is not called, not even for tests.`,
    ),
  runActive: (id: string) =>
    text(`Für „${id}“ läuft bereits eine Evaluation.`, `An evaluation of "${id}" is already running.`),
  noItems: text(
    'Die Auswahl enthält keine Prüfungen. Bitte Kategorien, Sprachen oder Datensätze ändern.',
    'The selection contains no items. Please change the categories, languages or datasets.',
  ),
  notCancellable: text('Dieser Lauf ist bereits beendet.', 'This run has already finished.'),
  notResumable: text(
    'Nur unterbrochene oder fehlgeschlagene Läufe können fortgesetzt werden.',
    'Only interrupted or failed runs can be resumed.',
  ),
  notCompleted: text('Der Lauf ist noch nicht abgeschlossen; es gibt noch keinen Bericht.', 'The run has not completed; there is no report yet.'),
  unanswered: (count: number) =>
    text(
      `${count} Prompts blieben ohne Antwort. Der Lauf kann fortgesetzt werden, sobald der Anbieter wieder antwortet.`,
      `${count} prompts got no answer. The run can be resumed once the provider answers again.`,
    ),
  fallbackAnswered: (model: string) =>
    text(`Beantwortet vom Ersatzmodell „${model}“, nicht vom geprüften Modell.`, `Answered by the fallback model "${model}", not by the model under test.`),
  interruptedByShutdown: text(
    'Unterbrochen (Server beendet); wird beim nächsten Start fortgesetzt.',
    'Interrupted (server stopped); resumes at the next start.',
  ),
};
