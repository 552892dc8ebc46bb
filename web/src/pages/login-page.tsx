import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { ErrorNotice, Notice } from '../components/notice';
import { TextField } from '../components/field';
import { setLanguage, type Language } from '../i18n';
import { useSession } from '../session/session-context';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { session, refresh } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const target = params.get('ziel')?.startsWith('/') ? params.get('ziel')! : '/';

  useEffect(() => {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }, [t]);

  if (session?.authenticated) return <Navigate to={target} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/login', { method: 'POST', body: { email, password } });
      await refresh();
    } catch (reason) {
      setError(reason);
      heading.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const ssoError = params.get('fehler');
  return (
    <div className="login-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="login-header">
        <span className="brand-name">{t('app.name')}</span>
        <div className="language-switch" role="group" aria-label={t('app.language')}>
          {(['de', 'en'] as Language[]).map((language) => (
            <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => void setLanguage(language)}>
              {language === 'de' ? 'Deutsch' : 'English'}
            </button>
          ))}
        </div>
      </header>
      <main id="main" className="login-card" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p>{t('login.intro')}</p>
        {ssoError ? <Notice kind="error">{t('login.ssoFailed', { reason: ssoError })}</Notice> : null}
        <ErrorNotice error={error} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('login.submit')}
          </button>
        </form>
        {session?.sso.enabled ? (
          <>
            <p className="divider">{t('login.or')}</p>
            <a className="button" href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(target)}`}>
              {t('login.sso', { name: session.sso.displayName ?? 'SSO' })}
            </a>
          </>
        ) : null}
      </main>
    </div>
  );
}
