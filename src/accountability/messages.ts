import { formatNumber, text } from '../core/l10n.js';

const megabytes = (bytes: number, locale: 'de' | 'en') => formatNumber(bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 });

export const accountabilityMessages = {
  forbidden: text('Dafür fehlt Ihnen die Berechtigung in dieser Organisation.', 'You do not have permission to do this in this organisation.'),
  exceptionNotFound: text('Diese Ausnahme gibt es nicht (oder nicht in dieser Organisation).', 'This exception does not exist (or not in this organisation).'),
  incidentNotFound: text('Diesen Vorfall gibt es nicht (oder nicht in dieser Organisation).', 'This incident does not exist (or not in this organisation).'),
  actionNotFound: text('Diese Maßnahme gibt es nicht.', 'This action does not exist.'),
  complaintNotFound: text('Diese Beschwerde gibt es nicht (oder nicht in dieser Organisation).', 'This complaint does not exist (or not in this organisation).'),
  attachmentNotFound: text('Diesen Anhang gibt es nicht.', 'This attachment does not exist.'),
  notificationNotFound: text('Diese Benachrichtigung gibt es nicht.', 'This notification does not exist.'),
  orgNotFound: text('Diese Organisation gibt es nicht.', 'This organisation does not exist.'),
  scopeRequired: text(
    'Bitte nennen Sie mindestens eine Person oder eine Rolle, für die die Ausnahme gelten soll.',
    'Please name at least one person or role the exception is for.',
  ),
  personUnknown: (email: string) =>
    text(`${email} hat kein aktives Konto in dieser Organisation.`, `${email} has no active account in this organisation.`),
  periodInvalid: text('Das Ende muss nach dem Beginn und in der Zukunft liegen.', 'The end must be after the start and in the future.'),
  periodTooLong: (days: number) =>
    text(`Eine Ausnahme gilt höchstens ${days} Tage. Danach kann sie neu beantragt werden.`, `An exception lasts at most ${days} days. It can be requested again afterwards.`),
  modelUnknown: (id: string) => text(`Das Modell „${id}“ gibt es im Modellregister nicht.`, `There is no model "${id}" in the model registry.`),
  modelNotExceptionOnly: (id: string, status: string) =>
    text(
      `„${id}“ hat hier den Status „${status}“. Ausnahmen gibt es nur für Modelle mit dem Status „nur mit Ausnahme“ (exception_only).`,
      `"${id}" has the status "${status}" here. Exceptions exist only for models with the status "exception only".`,
    ),
  fourEyes: text(
    'Vier-Augen-Prinzip: Wer eine Ausnahme beantragt hat, kann sie nicht selbst genehmigen oder ablehnen – auch nicht mit einem eigenen API-Schlüssel.',
    'Four-eyes rule: whoever requested an exception cannot approve or reject it themselves – not with their own API key either.',
  ),
  fourEyesBeneficiary: text(
    'Vier-Augen-Prinzip: Wer von der Ausnahme begünstigt ist, kann sie nicht genehmigen.',
    'Four-eyes rule: a person the exception is for cannot approve it.',
  ),
  personRequired: text(
    'Eine Genehmigung braucht eine verantwortliche Person. Systemzugänge und API-Schlüssel ohne Person können nicht genehmigen.',
    'An approval needs a responsible person. System access and API keys without a person cannot approve.',
  ),
  notPending: text('Über diesen Antrag wurde bereits entschieden.', 'This request has already been decided.'),
  notActive: text('Diese Ausnahme ist nicht (mehr) in Kraft.', 'This exception is not (or no longer) in force.'),
  alreadyExpired: text('Die beantragte Laufzeit ist bereits abgelaufen.', 'The requested period has already ended.'),
  severityRequired: text('Bitte den Vorfall zuerst einstufen (Triage).', 'Please triage the incident first.'),
  alreadyResolved: text('Dieser Vorfall ist bereits abgeschlossen.', 'This incident has already been resolved.'),
  actionDone: text('Diese Maßnahme ist bereits erledigt.', 'This action is already done.'),
  onlyOwnerOrTriage: text(
    'Nur die verantwortliche Person oder die Vorfall-Koordination kann die Maßnahme abschließen.',
    'Only the owner or the incident coordinators can complete the action.',
  ),
  sameStatus: text('Die Beschwerde hat diesen Status bereits.', 'The complaint already has this status.'),
  messageRequired: text(
    'Jede Statusänderung braucht eine Nachricht an die beschwerdeführende Person.',
    'Every status change needs a message to the complainant.',
  ),
  outcomeRequired: text('Bitte das Ergebnis der Entscheidung angeben.', 'Please give the outcome of the decision.'),
  attachmentTooLarge: (name: string, maxBytes: number) =>
    text(`„${name}“ ist zu groß (höchstens ${megabytes(maxBytes, 'de')} MB).`, `"${name}" is too large (at most ${megabytes(maxBytes, 'en')} MB).`),
  attachmentType: (name: string, accepted: string) =>
    text(
      `„${name}“ hat kein erlaubtes Format. Erlaubt sind: ${accepted}. Geprüft wird der Inhalt, nicht die Dateiendung.`,
      `"${name}" is not an accepted format. Accepted: ${accepted}. The content is checked, not the file extension.`,
    ),
  tooManyAttachments: (max: number) => text(`Höchstens ${max} Anhänge.`, `At most ${max} attachments.`),
  challengeFailed: text(
    'Die automatische Sicherheitsprüfung des Formulars ist fehlgeschlagen oder abgelaufen. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
    'The form’s automatic security check failed or expired. Please reload the page and send the form again.',
  ),
  tooManySubmissions: text(
    'Von Ihrem Anschluss wurden in kurzer Zeit zu viele Beschwerden gesendet. Bitte versuchen Sie es später erneut.',
    'Too many complaints were sent from your connection in a short time. Please try again later.',
  ),
  statusNotFound: text(
    'Zu diesem Code gibt es keine Beschwerde. Bitte prüfen Sie den Code aus Ihrer Eingangsbestätigung.',
    'There is no complaint for this code. Please check the code from your confirmation.',
  ),
  statusThrottled: text(
    'Zu viele falsche Codes. Aus Sicherheitsgründen ist die Abfrage von Ihrem Anschluss für einige Minuten gesperrt.',
    'Too many wrong codes. For security, lookups from your connection are blocked for a few minutes.',
  ),
};
