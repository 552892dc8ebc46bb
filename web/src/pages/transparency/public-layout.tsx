import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../i18n';
import { useSession } from '../../session/session-context';
import './transparency.css';

const sections = [
  { to: '/transparenz', key: 'register', end: true },
  { to: '/transparenz/modelle', key: 'models' },
  { to: '/transparenz/vorfaelle', key: 'incidents' },
  { to: '/transparenz/kampagnen', key: 'disclosures' },
  { to: '/transparenz/bericht', key: 'report' },
  { to: '/transparenz/energie', key: 'energy' },
];

/** The frame of the public transparency pages: readable without an account, printable, German first. */
export function PublicLayout() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="public-header">
        <Link className="public-brand" to="/transparenz">
          <strong>{t('transparency.public.brand')}</strong>
          <span className="muted">{t('app.name')}</span>
        </Link>
        <div className="topbar-controls">
          <div className="language-switch" role="group" aria-label={t('app.language')}>
            {(['de', 'en'] as Language[]).map((language) => (
              <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => void setLanguage(language)}>
                {language === 'de' ? 'Deutsch' : 'English'}
              </button>
            ))}
          </div>
          {session?.authenticated ? <Link to="/">{t('transparency.public.toApp')}</Link> : <Link to="/anmelden">{t('transparency.public.login')}</Link>}
        </div>
      </header>
      <nav className="public-nav" aria-label={t('transparency.public.navigation')}>
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end ?? false}>
                {t(`transparency.public.nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('transparency.public.footer')}</p>
      </footer>
    </div>
  );
}
