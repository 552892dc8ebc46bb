import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { pick, type Text } from './accountability-shared';
import { announceUnreadChange } from './unread-count';
import './accountability.css';

type Notification = { id: string; kind: string; title: Text; body: Text; link: string | null; createdAt: string; readAt: string | null };
type Inbox = { items: Notification[]; unread: number; email: boolean };

/** One's notifications: requests to decide, incidents to triage, complaints to handle, actions to do. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, reload } = useResource<Inbox>(`/api/notifications?limit=100${unreadOnly ? '&unread=true' : ''}`);
  const [actionError, setActionError] = useState<unknown>();

  async function run(action: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await action();
      reload();
      announceUnreadChange();
    } catch (reason) {
      setActionError(reason);
    }
  }

  return (
    <Page title={t('accountability.notifications.title')} intro={t('accountability.notifications.intro')}>
      <ErrorNotice error={actionError ?? error} />
      {data ? (
        <p role="status">
          {t('accountability.notifications.unread', { count: data.unread })} {data.email ? t('accountability.notifications.emailOn') : t('accountability.notifications.emailOff')}
        </p>
      ) : null}
      <div className="button-row">
        <div className="checkbox">
          <input type="checkbox" id="unread-only" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
          <label htmlFor="unread-only">{t('accountability.notifications.unreadOnly')}</label>
        </div>
        {data && data.unread > 0 ? (
          <button type="button" onClick={() => void run(() => api('/api/notifications/read-all', { method: 'POST' }))}>
            {t('accountability.notifications.readAll')}
          </button>
        ) : null}
      </div>
      {data && data.items.length === 0 ? <Notice kind="info">{t('accountability.notifications.empty')}</Notice> : null}
      <ul className="card-list" aria-label={t('accountability.notifications.title')}>
        {(data?.items ?? []).map((entry) => (
          <li key={entry.id} className="card">
            <h2 className={entry.readAt ? undefined : 'acc-unread'} style={{ fontSize: '1.05rem', marginTop: 0 }}>
              {entry.readAt ? null : <span className="badge badge-unread">{t('accountability.notifications.new')}</span>} {pick(entry.title, i18n.language)}
            </h2>
            <p className="muted">{formatDateTime(entry.createdAt, i18n.language)}</p>
            <p>{pick(entry.body, i18n.language)}</p>
            <div className="button-row">
              {entry.link ? (
                <Link to={entry.link} onClick={() => (entry.readAt ? undefined : void api(`/api/notifications/${entry.id}/read`, { method: 'POST' }).then(announceUnreadChange))}>
                  {t('accountability.notifications.open')}
                  <span className="visually-hidden"> ({pick(entry.title, i18n.language)})</span>
                </Link>
              ) : null}
              {entry.readAt ? null : (
                <button type="button" onClick={() => void run(() => api(`/api/notifications/${entry.id}/read`, { method: 'POST' }))}>
                  {t('accountability.notifications.markRead')}
                  <span className="visually-hidden"> ({pick(entry.title, i18n.language)})</span>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
