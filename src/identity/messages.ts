import { text } from '../core/l10n.js';

export const identityMessages = {
  orgNotFound: text('Organisation nicht gefunden.', 'Organisation not found.'),
  orgSlugTaken: (slug: string) =>
    text(`Das Kürzel „${slug}“ ist bereits vergeben. Bitte ein anderes wählen.`, `The slug "${slug}" is already taken. Choose another one.`),
  orgHasChildren: text(
    'Die Organisation hat noch Untergliederungen. Bitte diese zuerst verschieben oder löschen.',
    'The organisation still has sub-organisations. Move or delete them first.',
  ),
  rootExists: text('Es gibt bereits eine Hauptorganisation.', 'A root organisation already exists.'),
  userNotFound: text('Person nicht gefunden.', 'User not found.'),
  emailTaken: (email: string) =>
    text(`Für ${email} gibt es bereits ein Konto.`, `An account for ${email} already exists.`),
  forbidden: text(
    'Dafür fehlt Ihnen die Berechtigung in dieser Organisation.',
    'You do not have permission to do this in this organisation.',
  ),
  roleTooHigh: text(
    'Sie können keine Rolle vergeben, die Sie selbst in dieser Organisation nicht haben.',
    'You cannot grant a role you do not hold yourself in this organisation.',
  ),
  lastAdmin: text(
    'Die letzte Administrator*in der Hauptorganisation kann nicht entfernt werden.',
    'The last administrator of the root organisation cannot be removed.',
  ),
  loginFailed: text('E-Mail-Adresse oder Passwort ist falsch.', 'Email address or password is incorrect.'),
  accountLocked: (minutes: number) =>
    text(
      `Zu viele Fehlversuche. Das Konto ist für ${minutes} Minuten gesperrt.`,
      `Too many failed attempts. The account is locked for ${minutes} minutes.`,
    ),
  tooManyAttempts: text(
    'Zu viele Anmeldeversuche von dieser Adresse. Bitte später erneut versuchen.',
    'Too many login attempts from this address. Please try again later.',
  ),
  notLoggedIn: text('Bitte melden Sie sich an.', 'Please log in.'),
  sessionExpired: text('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.', 'Your session has expired. Please log in again.'),
  csrfMissing: text(
    'Sicherheitstoken fehlt oder ist ungültig. Bitte laden Sie die Seite neu.',
    'Security token missing or invalid. Please reload the page.',
  ),
  apiKeyInvalid: text(
    'Der API-Schlüssel ist ungültig, abgelaufen oder widerrufen.',
    'The API key is invalid, expired or revoked.',
  ),
  apiKeyNotFound: text('API-Schlüssel nicht gefunden.', 'API key not found.'),
  passwordTooShort: (min: number) =>
    text(`Das Passwort muss mindestens ${min} Zeichen lang sein.`, `The password must be at least ${min} characters long.`),
  wrongCurrentPassword: text('Das aktuelle Passwort ist falsch.', 'The current password is incorrect.'),
  oidcNotConfigured: text('Single Sign-on ist nicht eingerichtet.', 'Single sign-on is not configured.'),
  oidcFailed: (reason: string) =>
    text(`Anmeldung über Single Sign-on fehlgeschlagen: ${reason}`, `Single sign-on failed: ${reason}`),
  oidcNoRole: text(
    'Ihr Konto beim Identitätsanbieter ist keiner Organisation zugeordnet. Bitte wenden Sie sich an die Administration.',
    'Your identity-provider account is not mapped to any organisation. Please contact your administrators.',
  ),
};
