import { text } from '../core/l10n.js';

export const provenanceMessages = {
  recordNotFound: text('Zu dieser Herkunfts-ID gibt es keinen Eintrag.', 'There is no record for this provenance id.'),
  imageNotFound: text('Dieses Bild gibt es nicht.', 'This image does not exist.'),
  mediaNotFound: text('Dieses Werk gibt es nicht in der Mediathek.', 'This work is not in the media library.'),
  disclosureNotFound: text('Diesen Eintrag gibt es nicht.', 'This entry does not exist.'),
  orgNotFound: text('Diese Organisation gibt es nicht.', 'This organisation does not exist.'),
  notAnImage: text('Die Datei ist kein JPEG-, PNG- oder WebP-Bild.', 'The file is not a JPEG, PNG or WebP image.'),
  tooLarge: (megabytes: number) => text(`Das Bild ist größer als ${megabytes} MB.`, `The image is larger than ${megabytes} MB.`),
  unreadableImage: text('Das Bild lässt sich nicht lesen; ist die Datei beschädigt?', 'The image cannot be read; is the file damaged?'),
  generatorRequired: text('Bei KI-Bildern muss angegeben werden, mit welchem KI-System sie erstellt wurden.', 'For AI images, say which AI system made them.'),
  promptsRequired: text(
    'Bei fotorealistischen KI-Bildern gehören die Eingaben (Prompts) in den Bildnachweis; bitte mindestens einen Prompt angeben.',
    'Photorealistic AI images carry their prompts in the image credit; give at least one prompt.',
  ),
  creatorRequired: text('Bei Werken von Menschen bitte die Urheberin oder den Urheber nennen.', 'For human-made works, name the creator.'),
  visibleLabelRequired: text(
    'KI-Montagen und fotorealistische KI-Bilder brauchen nach der Bildrichtlinie eine sichtbare Kennzeichnung im Bild; bitte eine Ecke wählen.',
    'Under the image policy, AI montages and photorealistic AI images need a visible label in the picture; choose a corner.',
  ),
  unknownPlaceholder: (names: string[]) =>
    text(`Unbekannte Platzhalter: ${names.map((name) => `{${name}}`).join(', ')}. Erlaubt sind {model}, {date} und {organisation}.`, `Unknown placeholders: ${names.map((name) => `{${name}}`).join(', ')}. Allowed are {model}, {date} and {organisation}.`),
  policyLooser: (parent: string) =>
    text(
      `${parent} hat eine strengere Bildrichtlinie festgelegt; eine Untergliederung kann sie nur verschärfen, nicht lockern.`,
      `${parent} set a stricter image policy; a sub-organisation can only tighten it, not loosen it.`,
    ),
  notLabelled: text('Nur gekennzeichnete Inhalte können veröffentlicht werden: dieses Bild ist nicht als KI-Bild gekennzeichnet.', 'Only labelled content can be published: this image is not labelled as an AI image.'),
  itemRequired: text('Bitte genau ein Bild oder eine Herkunfts-ID angeben.', 'Give exactly one image or one provenance id.'),
  alreadyWithdrawn: text('Dieser Eintrag wurde bereits zurückgezogen.', 'This entry has already been withdrawn.'),
  labellerMissing: text('Bildkennzeichnung ist nicht eingerichtet; ungekennzeichnete KI-Bilder werden nicht ausgegeben.', 'Image labelling is not set up; unlabelled AI images are not handed out.'),
};
