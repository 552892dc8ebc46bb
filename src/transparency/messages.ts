import { text } from '../core/l10n.js';

export const transparencyMessages = {
  useCaseNotFound: text('Diesen Eintrag im KI-Register gibt es nicht.', 'There is no such entry in the AI register.'),
  versionConflict: text(
    'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung wiederholen.',
    'Someone else changed the entry in the meantime. Please reload and repeat your change.',
  ),
  assessmentMissing: text(
    'Eine Anwendung kann erst nach einer Risikobewertung nach KI-Verordnung in den Pilot- oder Regelbetrieb gehen.',
    'An application can only go into pilot or use after a risk assessment under the AI Act.',
  ),
  goLiveBlocked: text(
    'Diese Anwendung darf nicht in Betrieb gehen: Die Risikobewertung hat eine verbotene Praxis nach Art. 5 KI-Verordnung oder eine Überwachung bzw. Bewertung von Beschäftigten oder Mitgliedern ergeben.',
    'This application may not go live: the risk assessment found a prohibited practice under Art. 5 AI Act, or the monitoring or scoring of staff or members.',
  ),
  participationOpen: text(
    'Die Beteiligung läuft noch. Die Anwendung kann erst nach ihrem Ende in Betrieb gehen.',
    'Participation is still running. The application can go live only after it has ended.',
  ),
  deleteOnlyPlanned: text(
    'Nur geplante Anwendungen, die nie in Betrieb waren, können gelöscht werden. Anwendungen im Betrieb bitte außer Betrieb nehmen: Sie bleiben im Register sichtbar.',
    'Only planned applications that never went live can be deleted. Please retire applications that were in use: they stay visible in the register.',
  ),
  participationNeedsPlanned: text(
    'Eine Beteiligung ist nur für geplante Anwendungen möglich, bevor sie in Betrieb gehen.',
    'Participation is only possible for planned applications, before they go live.',
  ),
  participationOverlap: text(
    'Für diese Anwendung läuft bereits eine Beteiligung oder ist geplant.',
    'A participation round for this application is already running or scheduled.',
  ),
  participationPeriod: text(
    'Der Beteiligungszeitraum muss in der Zukunft enden, nach seinem Beginn liegen und höchstens 90 Tage dauern.',
    'The participation period must end in the future, after it starts, and last at most 90 days.',
  ),
  participationNotFound: text('Diese Beteiligungsrunde gibt es nicht.', 'There is no such participation round.'),
  participationClosed: text(
    'Zu dieser Anwendung läuft gerade keine Beteiligung; Kommentare sind nur während des Beteiligungszeitraums möglich.',
    'No participation round is running for this application; comments are only possible during the participation period.',
  ),
  replyAfterClose: text(
    'Nach dem Ende der Beteiligung können nur noch die Verantwortlichen antworten.',
    'After participation has ended, only the people responsible can reply.',
  ),
  commentNotFound: text('Auf diesen Kommentar kann nicht geantwortet werden.', 'This comment cannot be replied to.'),
  capacityResponsible: text(
    'Als „verantwortlich“ können nur Personen kommentieren, die das KI-Register pflegen.',
    'Only people who maintain the AI register can comment as "responsible".',
  ),
  orgNotFound: text('Diese Organisation gibt es nicht.', 'There is no such organisation.'),
  reportYear: text('Berichte gibt es für die Jahre 2020 bis zum laufenden Jahr.', 'Reports exist for the years 2020 up to the current year.'),
};
