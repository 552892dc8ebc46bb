import { text } from '../core/l10n.js';

export const knowledgeMessages = {
  collectionNotFound: text('Sammlung nicht gefunden.', 'Collection not found.'),
  documentNotFound: text('Dokument nicht gefunden.', 'Document not found.'),
  passageNotFound: text('Textstelle nicht gefunden.', 'Passage not found.'),
  runNotFound: text('Auswertung nicht gefunden.', 'Analysis not found.'),
  personalNeedsPerson: text(
    'Eigene Sammlungen können nur Personen anlegen, keine API-Schlüssel oder Systemkonten.',
    'Only people can create personal collections, not API keys or system accounts.',
  ),
  unsupportedFormat: (name: string) =>
    text(
      `„${name}“ hat kein unterstütztes Format. Möglich sind PDF, DOCX, ODT, Markdown, HTML und TXT.`,
      `"${name}" is not in a supported format. Supported: PDF, DOCX, ODT, Markdown, HTML and TXT.`,
    ),
  noFiles: text('Bitte mindestens eine Datei hochladen.', 'Please upload at least one file.'),
  tooLarge: (name: string, limitMb: number) => text(`„${name}“ ist größer als ${limitMb} MB.`, `"${name}" is larger than ${limitMb} MB.`),
  noAnswerModel: text(
    'Für Antworten ist kein Sprachmodell gewählt. Wählen Sie eins aus oder lassen Sie es in den Einstellungen der Wissensdatenbank festlegen.',
    'No language model is chosen for answers. Choose one, or have one set in the knowledge base settings.',
  ),
  noEmbeddingModel: text(
    'Für diese Organisation ist kein Embedding-Modell eingestellt. Wählen Sie die Gruppierung nach Begriffen oder lassen Sie ein Modell einstellen.',
    'No embedding model is set for this organisation. Choose grouping by terms, or have a model set.',
  ),
  nothingFound: text(
    'In den gewählten Sammlungen steht dazu nichts. Ich antworte deshalb nicht, statt etwas zu erfinden.',
    'The chosen collections say nothing about this, so I do not answer rather than make something up.',
  ),
  noItems: text(
    'In der Datei wurden keine Eingaben mit Text gefunden. Prüfen Sie die Spalte mit dem Text.',
    'No inputs with text were found in the file. Check the column that holds the text.',
  ),
  tooManyItems: (limit: number) => text(`Höchstens ${limit} Eingaben pro Auswertung.`, `At most ${limit} inputs per analysis.`),
  unsupportedInput: (name: string) =>
    text(
      `„${name}“ kann nicht gelesen werden. Möglich sind CSV, XLSX, JSON oder Dokumente (PDF, DOCX, ODT, Markdown, HTML, TXT).`,
      `"${name}" cannot be read. Supported: CSV, XLSX, JSON or documents (PDF, DOCX, ODT, Markdown, HTML, TXT).`,
    ),
  notFinished: text('Die Auswertung ist noch nicht fertig.', 'The analysis has not finished yet.'),
  columnMissing: (column: string) => text(`Die Spalte „${column}“ gibt es in der Datei nicht.`, `The file has no column "${column}".`),
};
