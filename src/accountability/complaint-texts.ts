import { formatDate, text, type Text } from '../core/l10n.js';
import type { ComplaintStatus } from './inputs.js';

export const complaintStatusText: Record<ComplaintStatus, Text> = {
  received: text('Eingegangen', 'Received'),
  acknowledged: text('Eingang bestätigt', 'Acknowledged'),
  in_progress: text('In Bearbeitung', 'In progress'),
  decided: text('Entschieden', 'Decided'),
  closed: text('Abgeschlossen', 'Closed'),
};

export const complaintOutcomeText: Record<string, Text> = {
  upheld: text('Die Beschwerde ist begründet.', 'The complaint is upheld.'),
  partly_upheld: text('Die Beschwerde ist teilweise begründet.', 'The complaint is partly upheld.'),
  not_upheld: text('Die Beschwerde ist nicht begründet.', 'The complaint is not upheld.'),
  withdrawn: text('Die Beschwerde wurde zurückgenommen.', 'The complaint was withdrawn.'),
};

export const complaintTexts = {
  receivedMessage: (acknowledgeDue: Date, decisionDue: Date) =>
    text(
      `Ihre Beschwerde ist eingegangen. Wir bestätigen den Eingang bis zum ${formatDate(acknowledgeDue, 'de')} und entscheiden bis zum ${formatDate(decisionDue, 'de')}.`,
      `Your complaint has been received. We will acknowledge it by ${formatDate(acknowledgeDue, 'en')} and decide by ${formatDate(decisionDue, 'en')}.`,
    ),
  escalatedMessage: (which: 'acknowledge' | 'decision') =>
    which === 'acknowledge'
      ? text(
          'Die Frist für die Eingangsbestätigung ist abgelaufen. Ihre Beschwerde wurde an die Leitung weitergegeben, damit sie umgehend bearbeitet wird.',
          'The deadline for acknowledging your complaint has passed. It has been passed on to the management so that it is dealt with at once.',
        )
      : text(
          'Die Frist für die Entscheidung ist abgelaufen. Ihre Beschwerde wurde an die Leitung weitergegeben, damit sie umgehend entschieden wird.',
          'The deadline for deciding on your complaint has passed. It has been passed on to the management so that it is decided at once.',
        ),
  confirmationMail: (caseNumber: string, token: string, statusUrl: string, acknowledgeDue: Date, decisionDue: Date) => ({
    subject: `Ihre Beschwerde ${caseNumber} / Your complaint ${caseNumber}`,
    de: [
      `Ihre Beschwerde ist bei uns eingegangen. Aktenzeichen: ${caseNumber}`,
      '',
      `Eingangsbestätigung bis: ${formatDate(acknowledgeDue, 'de')}`,
      `Entscheidung bis: ${formatDate(decisionDue, 'de')}`,
      '',
      'Den Stand Ihrer Beschwerde sehen Sie jederzeit hier (der Link enthält Ihren geheimen Zugangscode – bitte nicht weitergeben):',
      statusUrl,
      '',
      `Zugangscode: ${token}`,
    ],
    en: [
      `We have received your complaint. Case number: ${caseNumber}`,
      '',
      `Acknowledgement by: ${formatDate(acknowledgeDue, 'en')}`,
      `Decision by: ${formatDate(decisionDue, 'en')}`,
      '',
      'You can see the state of your complaint at any time here (the link contains your secret access code – please do not share it):',
      statusUrl,
      '',
      `Access code: ${token}`,
    ],
  }),
  updateMail: (caseNumber: string, status: Text, message: Text, statusPage: string) => ({
    subject: `Neuer Stand Ihrer Beschwerde ${caseNumber} / Update on your complaint ${caseNumber}`,
    de: [`Neuer Stand Ihrer Beschwerde ${caseNumber}: ${status.de}`, '', message.de, '', `Den ganzen Verlauf sehen Sie mit Ihrem Zugangscode unter ${statusPage}`],
    en: [`Update on your complaint ${caseNumber}: ${status.en}`, '', message.en, '', `You can see the whole history with your access code at ${statusPage}`],
  }),
};
