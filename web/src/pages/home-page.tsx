import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';
import { useSession } from '../session/session-context';
import { SetupPanel } from './registry/setup-panel';

export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const rootAdmin = !!session?.orgs?.some((org) => !org.parentId && org.roles.includes('admin'));
  return (
    <Page title={t('home.title', { name: session?.user?.displayName ?? '' })} intro={t('home.intro')}>
      {rootAdmin ? <SetupPanel /> : null}
      <section aria-labelledby="your-orgs">
        <h2 id="your-orgs">{t('home.yourOrgs')}</h2>
        <ul className="card-list">
          {(session?.orgs ?? []).map((org) => (
            <li key={org.id} className="card">
              <h3>{org.name}</h3>
              <p className="muted">{t(`org.kind.${org.kind}`)}</p>
              <p>
                {org.roles.length > 0
                  ? t('home.rolesIn', { roles: org.roles.map((role) => t(`roles.${role}`)).join(', ') })
                  : t('home.noRoles')}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
