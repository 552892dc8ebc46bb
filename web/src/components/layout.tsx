import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { setLanguage, type Language } from '../i18n';
import { useSession } from '../session/session-context';

export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, currentOrg, selectOrg, effectiveRoles, refresh } = useSession();
  const navigate = useNavigate();
  const isAdmin = effectiveRoles.has('admin');
  const canSeeAudit = isAdmin || effectiveRoles.has('dpo');

  async function logout() {
    await api('/api/auth/logout', { method: 'POST' });
    await refresh();
    void navigate('/anmelden');
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-controls">
          {session?.orgs && session.orgs.length > 0 ? (
            <div className="org-switcher">
              <label htmlFor="org-switcher">{t('org.switcher')}</label>
              <select id="org-switcher" value={currentOrg?.id ?? ''} onChange={(event) => selectOrg(event.target.value)}>
                {session.orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="language-switch" role="group" aria-label={t('app.language')}>
            {(['de', 'en'] as Language[]).map((language) => (
              <button
                key={language}
                type="button"
                lang={language}
                aria-pressed={i18n.language === language}
                onClick={() => void setLanguage(language)}
              >
                {language === 'de' ? 'Deutsch' : 'English'}
              </button>
            ))}
          </div>
          {session?.user ? (
            <div className="user-box">
              <span className="muted">{t('login.loggedInAs', { name: session.user.displayName })}</span>
              <button type="button" onClick={() => void logout()}>
                {t('login.logout')}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <div className="body">
        <nav className="sidebar" aria-label={t('app.mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
          </ul>
          {isAdmin || canSeeAudit ? (
            <>
              <h2 className="nav-heading">{t('nav.administration')}</h2>
              <ul>
                {isAdmin ? (
                  <>
                    <li>
                      <NavLink to="/verwaltung/organisationen">{t('nav.organisations')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/verwaltung/personen">{t('nav.users')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/verwaltung/api-schluessel">{t('nav.apiKeys')}</NavLink>
                    </li>
                  </>
                ) : null}
                {canSeeAudit ? (
                  <li>
                    <NavLink to="/verwaltung/pruefprotokoll">{t('nav.audit')}</NavLink>
                  </li>
                ) : null}
              </ul>
            </>
          ) : null}
          <ul>
            <li>
              <NavLink to="/konto">{t('nav.account')}</NavLink>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
