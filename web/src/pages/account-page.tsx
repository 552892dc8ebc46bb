import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { TextField } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { Page } from '../components/page';
import { useSession } from '../session/session-context';

export function AccountPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const mismatch = confirm.length > 0 && next !== confirm;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) return;
    setError(undefined);
    setDone(false);
    try {
      await api('/api/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      await refresh();
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Page title={t('account.title')}>
      {session?.user?.mustChangePassword ? <Notice kind="info">{t('account.mustChange')}</Notice> : null}
      {done ? <Notice kind="success">{t('account.changed')}</Notice> : null}
      <section aria-labelledby="change-password">
        <h2 id="change-password">{t('account.changePassword')}</h2>
        <ErrorNotice error={error} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField label={t('account.currentPassword')} type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} error={fieldErrors.currentPassword} />
          <TextField label={t('account.newPassword')} hint={t('account.newPasswordHint')} type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(event) => setNext(event.target.value)} error={fieldErrors.newPassword} />
          <TextField label={t('account.confirmPassword')} type="password" autoComplete="new-password" required value={confirm} onChange={(event) => setConfirm(event.target.value)} error={mismatch ? t('account.mismatch') : undefined} />
          <button type="submit" className="primary" disabled={mismatch}>
            {t('account.changePassword')}
          </button>
        </form>
      </section>
    </Page>
  );
}
