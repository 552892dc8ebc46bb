import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.text')}>
      <Link to="/">{t('notFound.back')}</Link>
    </Page>
  );
}
