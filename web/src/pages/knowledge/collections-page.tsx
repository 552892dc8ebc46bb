import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import type { CollectionSummary } from './knowledge-shared';

/** The organisation's collections and my own ones; create a new one (WORK-3). */
export default function CollectionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error: loadError } = useResource<CollectionSummary[]>(currentOrg ? `/api/orgs/${currentOrg.id}/knowledge/collections` : undefined);
  const mayManage = effectiveRoles.has('staff') || effectiveRoles.has('admin');
  const [form, setForm] = useState({ name: '', description: '', scope: mayManage ? 'organisation' : 'personal' });
  const [error, setError] = useState<unknown>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await api<{ id: string }>(`/api/orgs/${currentOrg!.id}/knowledge/collections`, { method: 'POST', body: { name: form.name, description: form.description || undefined, scope: form.scope } });
      void navigate(`/wissen/sammlungen/${created.id}`);
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  if (!currentOrg) return null;
  return (
    <Page title={t('knowledge.collections.title')} intro={t('knowledge.collections.intro')}>
      <ErrorNotice error={loadError} />
      <p>
        <Link to="/wissen/suche">{t('knowledge.collections.toSearch')}</Link>
      </p>
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('knowledge.collections.caption', { org: currentOrg.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.collections.name')}</th>
                <th scope="col">{t('knowledge.collections.scope')}</th>
                <th scope="col">{t('knowledge.collections.documents')}</th>
                <th scope="col">{t('knowledge.collections.passages')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((collection) => (
                <tr key={collection.id}>
                  <th scope="row">
                    <Link to={`/wissen/sammlungen/${collection.id}`}>{collection.name}</Link>
                    {collection.description ? <div className="muted">{collection.description}</div> : null}
                  </th>
                  <td>{t(`knowledge.scope.${collection.scope}`)}</td>
                  <td>{formatNumber(collection.documentCount, i18n.language)}</td>
                  <td>{formatNumber(collection.chunkCount, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : data ? (
        <p>{t('knowledge.collections.empty')}</p>
      ) : null}
      <section aria-labelledby="knowledge-create">
        <h2 id="knowledge-create">{t('knowledge.collections.create')}</h2>
        <ErrorNotice error={error} />
        <form onSubmit={(event) => void create(event)} noValidate>
          <TextField label={t('knowledge.collections.name')} required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} error={fieldErrors.name} />
          <TextField label={t('knowledge.collections.description')} value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
          <SelectField label={t('knowledge.collections.scope')} hint={t('knowledge.collections.scopeHint')} value={form.scope} onChange={(event) => setForm({ ...form, scope: event.target.value })}>
            {mayManage ? <option value="organisation">{t('knowledge.scope.organisation')}</option> : null}
            <option value="personal">{t('knowledge.scope.personal')}</option>
          </SelectField>
          <button type="submit" className="primary">
            {t('knowledge.collections.create')}
          </button>
        </form>
      </section>
    </Page>
  );
}
