import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession, type Org } from '../../session/session-context';

const kinds = ['federal', 'state', 'regional', 'local', 'municipality', 'department', 'other'] as const;

function OrgTree({ orgs, parentId }: { orgs: Org[]; parentId: string | null }) {
  const { t } = useTranslation();
  const children = orgs.filter((org) => org.parentId === parentId || (parentId === null && !orgs.some((other) => other.id === org.parentId) && org.parentId !== null));
  if (children.length === 0) return null;
  return (
    <ul className="tree">
      {children.map((org) => (
        <li key={org.id}>
          <span className="tree-name">{org.name}</span> <span className="muted">({org.slug}, {t(`org.kind.${org.kind}`)})</span>
          <OrgTree orgs={orgs} parentId={org.id} />
        </li>
      ))}
    </ul>
  );
}

export default function OrgsPage() {
  const { t } = useTranslation();
  const { session, currentOrg, refresh } = useSession();
  const orgs = session?.orgs ?? [];
  const [parentId, setParentId] = useState(currentOrg?.id ?? '');
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('local');
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const roots = orgs.filter((org) => !orgs.some((other) => other.id === org.parentId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(undefined);
    try {
      const org = await api<Org>('/api/orgs', { method: 'POST', body: { parentId: parentId || currentOrg?.id, name, slug, kind } });
      setCreated(org.name);
      setName('');
      setSlug('');
      await refresh();
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Page title={t('orgs.title')} intro={t('orgs.intro')}>
      <section aria-labelledby="org-tree">
        <h2 id="org-tree">{t('orgs.tree')}</h2>
        <ul className="tree">
          {roots.map((org) => (
            <li key={org.id}>
              <span className="tree-name">{org.name}</span> <span className="muted">({org.slug}, {t(`org.kind.${org.kind}`)})</span>
              <OrgTree orgs={orgs} parentId={org.id} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="org-create">
        <h2 id="org-create">{t('orgs.create')}</h2>
        {created ? <Notice kind="success">{t('orgs.created', { name: created })}</Notice> : null}
        <ErrorNotice error={error} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <SelectField label={t('orgs.parent')} value={parentId || currentOrg?.id || ''} onChange={(event) => setParentId(event.target.value)}>
            {orgs.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('orgs.name')} required value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name} />
          <TextField label={t('orgs.slug')} hint={t('orgs.slugHint')} required value={slug} onChange={(event) => setSlug(event.target.value)} error={fieldErrors.slug} />
          <SelectField label={t('orgs.kind')} value={kind} onChange={(event) => setKind(event.target.value as (typeof kinds)[number])}>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {t(`org.kind.${value}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary">
            {t('app.create')}
          </button>
        </form>
      </section>
    </Page>
  );
}
