import { text } from '../core/l10n.js';

export const gatewayMessages = {
  modelNotFound: (id: string) =>
    text(
      `Das Modell „${id}“ ist nicht freigegeben oder existiert nicht. Verfügbare Modelle: GET /v1/models.`,
      `The model "${id}" is not available or does not exist. Available models: GET /v1/models.`,
    ),
  wrongKind: (id: string, kind: string) =>
    text(`„${id}“ ist ein Modell der Art „${kind}“ und kann dafür nicht genutzt werden.`, `"${id}" is a ${kind} model and cannot be used for this.`),
  excluded: (id: string, reason: string, source: string) =>
    text(
      `Das Modell „${id}“ ist ausgeschlossen (${source}): ${reason} Bitte wählen Sie ein empfohlenes Modell.`,
      `The model "${id}" is excluded (${source}): ${reason} Please choose a recommended model.`,
    ),
  exceptionRequired: (id: string) =>
    text(
      `„${id}“ darf nur mit einer genehmigten, gültigen Ausnahme genutzt werden. Beantragen Sie eine Ausnahme unter „Ausnahmen“ oder wählen Sie ein empfohlenes Modell.`,
      `"${id}" may only be used under an approved, valid exception. Request one under "Exceptions" or choose a recommended model.`,
    ),
  underReview: (id: string) =>
    text(
      `„${id}“ wird noch geprüft und ist nur für Evaluationen der Prüfer*innen freigegeben.`,
      `"${id}" is still under review and only available for the reviewers' evaluations.`,
    ),
  rolesRestricted: (id: string, roles: string) =>
    text(`„${id}“ ist in Ihrer Organisation nur für diese Rollen freigegeben: ${roles}.`, `In your organisation "${id}" is only available to these roles: ${roles}.`),
  noProvider: (id: string) =>
    text(
      `Für „${id}“ ist kein Anbieter angebunden. Die Administration kann unter „Anbieter“ einen Anbieter einrichten.`,
      `No provider is connected for "${id}". Administrators can set one up under "Providers".`,
    ),
  guardRequired: (id: string) =>
    text(
      `„${id}“ läuft außerhalb der eigenen Infrastruktur. Solche Aufrufe sind nur mit dem Datenschutzfilter erlaubt, der für diesen Anbieter nicht aktiv ist.`,
      `"${id}" runs outside the organisation's own infrastructure. Such calls are only allowed through the data-protection guard, which is not active for this provider.`,
    ),
  allProvidersFailed: (id: string, detail: string) =>
    text(`Kein Anbieter konnte „${id}“ beantworten (${detail}). Bitte später erneut versuchen.`, `No provider could answer for "${id}" (${detail}). Please try again later.`),
  upstreamRejected: (detail: string) => text(`Der Modellanbieter hat die Anfrage abgelehnt: ${detail}`, `The model provider rejected the request: ${detail}`),
  streamCut: (code: string) =>
    text(
      `Die Antwort des Modellanbieters brach vorzeitig ab (${code}). Die Antwort ist unvollständig.`,
      `The model provider’s answer stopped early (${code}). The answer is incomplete.`,
    ),
  rateLimited: (limit: number) =>
    text(`Mehr als ${limit} Anfragen pro Minute. Bitte kurz warten.`, `More than ${limit} requests per minute. Please wait a moment.`),
  budgetExhausted: (org: string) =>
    text(
      `Das monatliche Token-Budget von „${org}“ ist aufgebraucht. Die Administration kann es erhöhen.`,
      `The monthly token budget of "${org}" is used up. Administrators can raise it.`,
    ),
  noOrg: text(
    'Für diese Anfrage ist keine Organisation bestimmt. Bitte den Header X-Leitplanke-Org setzen.',
    'No organisation is set for this request. Please send the X-Leitplanke-Org header.',
  ),
};
