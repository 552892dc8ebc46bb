import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSession } from '../../session/session-context';
import { RiskBadge, StatusText } from './badges';
import type { UseCaseDetail } from './transparency-types';
import './transparency.css';

const managers = ['staff', 'dpo', 'admin'] as const;

/** The organisation's AI register for signed-in people: every entry, drafts included, and a form for new ones. */
export default function UseCasesPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const navigate = useNavigate();
  const { data, error } = useResource<UseCaseDetail[]>(currentOrg ? `/api/orgs/${currentOrg.id}/transparency/use-cases` : undefined);
  const canManage = managers.some((role) => effectiveRoles.has(role));
  const [form, setForm] = useState({ name: '', summary: '', purpose: '', contact: '', responsibleName: '', responsibleRole: '' });
  const [createError, setCreateError] = useState<unknown>();
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function create(event: FormEvent) {
    event.preventDefault();
    setCreateError(undefined);
    try {
      const created = await api<UseCaseDetail>(`/api/orgs/${currentOrg!.id}/transparency/use-cases`, {
        method: 'POST',
        body: {
          name: form.name,
          summary: form.summary,
          purpose: form.purpose,
          contact: form.contact,
          responsiblePerson: { name: form.responsibleName, role: form.responsibleRole },
          language: i18n.language === 'en' ? 'en' : 'de',
        },
      });
      void navigate(`/steuerung/ki-register/${created.id}`);
    } catch (reason) {
      setCreateError(reason);
    }
  }
  const fieldErrors = createError instanceof ApiError ? createError.fieldErrors : {};

  return (
    <Page title={t('transparency.internal.title')} intro={t('transparency.internal.intro')}>
      <p>
        <Link to="/transparenz">{t('transparency.internal.publicLink')}</Link>
        {currentOrg ? (
          <>
            {' · '}
            <a href={`/api/orgs/${currentOrg.id}/transparency/export?format=csv`}>{t('transparency.internal.exportCsv')}</a>
          </>
        ) : null}
      </p>
      <ErrorNotice error={error} />
      <section aria-labelledby="tp-list" className="tp-section">
        <h2 id="tp-list">{t('transparency.internal.entries')}</h2>
        <p role="status" className="muted">
          {data ? t('transparency.register.count', { count: data.length }) : t('app.loading')}
        </p>
        {data && data.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.field.name')}</th>
                  <th scope="col">{t('transparency.field.organisation')}</th>
                  <th scope="col">{t('transparency.field.status')}</th>
                  <th scope="col">{t('transparency.field.risk')}</th>
                  <th scope="col">{t('transparency.field.published')}</th>
                  <th scope="col">{t('transparency.field.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <Link to={`/steuerung/ki-register/${entry.id}`}>{entry.name}</Link>
                    </th>
                    <td>{entry.organisation}</td>
                    <td>
                      <StatusText status={entry.status} />
                    </td>
                    <td>
                      <RiskBadge riskClass={entry.risk?.riskClass} />
                      {entry.blocksGoLive ? <div>{t('transparency.internal.blocked')}</div> : null}
                    </td>
                    <td>{entry.published ? t('app.yes') : t('app.no')}</td>
                    <td>{formatDate(entry.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canManage ? (
        <section aria-labelledby="tp-create" className="tp-section">
          <h2 id="tp-create">{t('transparency.internal.create')}</h2>
          <ErrorNotice error={createError} />
          <form onSubmit={(event) => void create(event)} noValidate className="tp-form">
            <TextField label={t('transparency.field.name')} required value={form.name} onChange={set('name')} error={fieldErrors.name} maxLength={100} />
            <TextField label={t('transparency.field.summary')} hint={t('transparency.hint.summary')} required value={form.summary} onChange={set('summary')} error={fieldErrors.summary} maxLength={350} />
            <TextField label={t('transparency.field.purpose')} required value={form.purpose} onChange={set('purpose')} error={fieldErrors.purpose} />
            <TextField label={t('transparency.field.contact')} hint={t('transparency.hint.contact')} required value={form.contact} onChange={set('contact')} error={fieldErrors.contact} />
            <TextField label={t('transparency.field.responsibleName')} required value={form.responsibleName} onChange={set('responsibleName')} error={fieldErrors['responsiblePerson.name']} />
            <TextField label={t('transparency.field.responsibleRole')} value={form.responsibleRole} onChange={set('responsibleRole')} />
            <button type="submit" className="primary">
              {t('transparency.internal.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
