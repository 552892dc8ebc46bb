import { text } from '../core/l10n.js';

export const registryMessages = {
  modelNotFound: (id: string) => text(`Das Modell „${id}“ gibt es im Register nicht.`, `There is no model "${id}" in the registry.`),
  providerNotFound: (id: string) => text(`Den Anbieter „${id}“ gibt es im Register nicht.`, `There is no provider "${id}" in the registry.`),
  ruleNotFound: text('Diese Regel gibt es nicht.', 'This rule does not exist.'),
  reasonRequired: text('Bitte eine Begründung angeben.', 'Please give a reason.'),
  exclusionCategoryRequired: text(
    'Für einen Ausschluss ist eine Begründungskategorie nötig (z. B. politische Manipulation, Bias-Tests nicht bestanden, Sicherheit, Datenschutz, Lizenz/Urheberrecht, Sonstiges).',
    'Excluding a model needs a reason category (e.g. political manipulation, failed bias tests, security, data protection, licence/copyright, other).',
  ),
  onlyReviewers: text(
    'Nur Prüfer*innen der Hauptorganisation können den Status eines Modells ändern.',
    'Only reviewers of the root organisation can change a model’s status.',
  ),
  modelExists: (id: string) => text(`Das Modell „${id}“ gibt es bereits.`, `The model "${id}" already exists.`),
  providerExists: (id: string) => text(`Den Anbieter „${id}“ gibt es bereits.`, `The provider "${id}" already exists.`),
  unknownAdapter: (adapter: string, known: string[]) =>
    text(`Unbekannter Anbietertyp „${adapter}“. Möglich: ${known.join(', ')}.`, `Unknown provider type "${adapter}". Possible: ${known.join(', ')}.`),
  baseUrlRequired: (adapter: string) =>
    text(`Für den Anbietertyp „${adapter}“ wird eine Basis-URL benötigt.`, `The provider type "${adapter}" needs a base URL.`),
  transitionNotAllowed: (from: string, to: string) =>
    text(
      `Von „${from}“ kann nicht direkt zu „${to}“ gewechselt werden. Neue Modelle werden erst geprüft (under_review).`,
      `"${from}" cannot change directly to "${to}". New models are reviewed first (under_review).`,
    ),
  staleVersion: (entity: string) =>
    text(
      `„${entity}“ wurde inzwischen von jemand anderem geändert. Bitte neu laden und erneut versuchen.`,
      `"${entity}" has been changed by someone else in the meantime. Reload and try again.`,
    ),
};
