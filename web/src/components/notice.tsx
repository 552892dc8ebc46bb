import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Success messages are polite status updates; errors are alerts read out at once. */
export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.problem.detail : error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.problem.request_id : undefined;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Notice kind="error">
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((field) => (
            <li key={field.path}>
              {field.path.replace(/^body\./, '')}: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="muted">{t('app.requestId', { id: requestId })}</p> : null}
    </Notice>
  );
}
