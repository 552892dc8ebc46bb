import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { setLanguage, type Language } from '../i18n';
import { useSession } from '../session/session-context';
import { navigation, sections } from '../navigation';
import { NotificationsLink } from '../pages/accountability/unread-count';

export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, currentOrg, selectOrg, effectiveRoles, refresh } = useSession();
  const navigate = useNavigate();

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
          {sections.map((section) => {
            const entries = navigation.filter((entry) => entry.labelKey && entry.section === section.id && (!entry.roles || entry.roles.some((role) => effectiveRoles.has(role))));
            if (entries.length === 0) return null;
            return (
              <div key={section.id}>
                <h2 className="nav-heading">{t(section.labelKey)}</h2>
                <ul>
                  {entries.map((entry) => (
                    <li key={entry.path}>
                      <NavLink to={`/${entry.path}`}>{t(entry.labelKey!)}</NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <ul>
            <li>
              <NotificationsLink />
            </li>
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
