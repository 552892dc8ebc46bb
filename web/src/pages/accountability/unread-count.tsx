import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import './accountability.css';

const EVENT = 'leitplanke:notifications-changed';
const POLL_MS = 60_000;

/** Tells the shell's counter that notifications were read. */
export function announceUnreadChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** The shell's link to the inbox with the number of unread notifications (refreshed on every page change, every minute and after reading). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(0);
  const { pathname, search } = useLocation();
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void api<{ unread: number }>('/api/notifications/unread-count')
        .then((value) => {
          if (!cancelled) setUnread(value.unread);
        })
        .catch(() => undefined);
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(EVENT, load);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.removeEventListener(EVENT, load);
    };
  }, [pathname, search]);
  return (
    <NavLink to="/benachrichtigungen" className="notifications-link">
      {t('accountability.notifications.nav')}
      {unread > 0 ? (
        <span className="badge badge-unread" aria-hidden="true">
          {unread}
        </span>
      ) : null}
      <span className="visually-hidden">{unread > 0 ? ` (${t('accountability.notifications.unread', { count: unread })})` : ''}</span>
    </NavLink>
  );
}
