import { text } from '../core/l10n.js';

export const workspaceMessages = {
  personalLoginRequired: text(
    'Der Arbeitsbereich ist persönlich: Bitte melden Sie sich mit Ihrem eigenen Konto an (nicht mit einem API-Schlüssel).',
    'The workspace is personal: please log in with your own account (not with an API key).',
  ),
  conversationNotFound: text('Diese Unterhaltung gibt es nicht (mehr).', 'This conversation does not exist (any more).'),
  messageNotFound: text('Diese Nachricht gibt es in der Unterhaltung nicht.', 'This message is not part of the conversation.'),
  nothingToRegenerate: text('Es gibt noch keine Frage, auf die neu geantwortet werden könnte.', 'There is no question yet to answer again.'),
  onlyOwnMessagesEditable: text('Nur Ihre eigenen Nachrichten können bearbeitet werden.', 'Only your own messages can be edited.'),
  assistantNotFound: text('Diesen Assistenten gibt es nicht.', 'This assistant does not exist.'),
  noModel: text(
    'Für Ihre Organisation ist kein Sprachmodell freigegeben, das Sie nutzen dürfen. Bitte wenden Sie sich an die Administration.',
    'No language model is approved for your organisation that you may use. Please contact your administrators.',
  ),
  imagesNeedVision: (model: string) =>
    text(
      `Das Modell „${model}“ kann keine Bilder lesen. Wählen Sie ein Modell, das Bilder verarbeitet.`,
      `The model "${model}" cannot read images. Choose a model that processes images.`,
    ),
  retentionLooserThanParent: (days: number) =>
    text(
      `Eine übergeordnete Organisation löscht Unterhaltungen nach ${days} Tagen. Sie können die Frist nur verkürzen, nicht verlängern.`,
      `A parent organisation deletes conversations after ${days} days. You can only shorten this period, not extend it.`,
    ),
  playgroundModels: text('Wählen Sie zwei oder drei verschiedene Modelle zum Vergleich.', 'Choose two or three different models to compare.'),
  stopped: text('Abgebrochen', 'Stopped'),
};
