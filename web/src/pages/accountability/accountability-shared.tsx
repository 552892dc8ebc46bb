import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Text = { de: string; en: string };
export type Attachment = { id: string; fileName: string; mediaType: string; sizeBytes: number };

/** The text of a {de, en} pair in the UI language. */
export const pick = (value: Text | null | undefined, language: string) => (value ? (language.startsWith('en') ? value.en : value.de) : '');

/** Reads a chosen file as base64 (without the data-URL prefix) for the JSON API. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export async function filesForApi(files: File[]): Promise<{ fileName: string; contentBase64: string }[]> {
  return Promise.all(files.map(async (file) => ({ fileName: file.name, contentBase64: await readAsBase64(file) })));
}

/** 5242880 → "5 MB" (binary megabytes, as the limit is configured). */
export function formatBytes(bytes: number, language: string): string {
  const format = (value: number) => new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} B`;
}

export { TextAreaField } from '../../components/field';

/** A file input for up to `max` files, with the limits stated in its hint. */
export function FileField({ label, hint, files, onChange, accept }: { label: string; hint: string; files: File[]; onChange(files: File[]): void; accept?: string }) {
  const id = useId();
  const { t, i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <input id={id} type="file" multiple accept={accept} aria-describedby={`${id}-hint`} onChange={(event) => onChange([...(event.target.files ?? [])])} />
      {files.length > 0 ? (
        <ul className="muted">
          {files.map((file) => (
            <li key={file.name}>{t('accountability.files.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A deadline clock in words (never by colour alone): days left, due today, overdue by n days, met.
 * `escalated` adds the escalation mark.
 */
export function DeadlineClock({ clock }: { clock: { dueDate: string; daysLeft: number | null; overdue: boolean; metAt: string | null; metLate?: boolean; escalatedAt?: string | null } }) {
  const { t, i18n } = useTranslation();
  const due = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'de-DE', { dateStyle: 'medium' }).format(new Date(`${clock.dueDate}T12:00:00`));
  if (clock.metAt) {
    return <span className="clock clock-met">{clock.metLate ? t('accountability.clock.metLate', { due }) : t('accountability.clock.met', { due })}</span>;
  }
  const days = clock.daysLeft ?? 0;
  const state = clock.overdue ? 'overdue' : days <= 2 ? 'soon' : 'ok';
  const label = clock.overdue ? t('accountability.clock.overdue', { due, count: Math.abs(days) }) : days === 0 ? t('accountability.clock.today', { due }) : t('accountability.clock.left', { due, count: days });
  return (
    <span className={`clock clock-${state}`}>
      {clock.overdue ? <strong>{label}</strong> : label}
      {clock.escalatedAt ? <span className="badge badge-escalated"> {t('accountability.clock.escalated')}</span> : null}
    </span>
  );
}

/** Minimum date for date inputs: today in the browser's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
