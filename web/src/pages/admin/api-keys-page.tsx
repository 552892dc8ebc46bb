import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { CopyBox } from '../../components/copy-box';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../i18n';
import { useSession, type Role } from '../../session/session-context';

type KeyRow = { id: string; name: string; keyPrefix: string; role: Role; createdAt: string; expiresAt: string | null; revokedAt: string | null; lastUsedAt: string | null };
const allRoles: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];

export default function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const { data: keys, error: loadError, reload } = useResource<KeyRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/api-keys` : undefined);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [notice, setNotice] = useState<string>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await api<{ key: string; apiKey: KeyRow }>(`/api/orgs/${currentOrg!.id}/api-keys`, {
        method: 'POST',
        body: { name, role, ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}) },
      });
      setCreated({ name: result.apiKey.name, key: result.key });
      setName('');
      setExpires('');
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  async function revoke(key: KeyRow) {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    setError(undefined);
    setCreated(undefined);
    try {
      await api(`/api/orgs/${currentOrg!.id}/api-keys/${key.id}`, { method: 'DELETE' });
      setNotice(t('apiKeys.revokedNotice', { name: key.name }));
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function state(key: KeyRow): string {
    if (key.revokedAt) return t('apiKeys.revoked');
    if (key.expiresAt && new Date(key.expiresAt) < new Date()) return t('apiKeys.expired');
    return t('apiKeys.valid');
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  if (!currentOrg) return null;
  return (
    <Page title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      {created ? (
        <Notice kind="info">
          <p>
            <strong>{t('apiKeys.newKey', { name: created.name })}</strong>
          </p>
          <CopyBox label={t('apiKeys.newKey', { name: created.name })} value={created.key} />
          <p>{t('apiKeys.newKeyHint')}</p>
        </Notice>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      <section aria-labelledby="key-list">
        <h2 id="key-list">{t('apiKeys.list')}</h2>
        {keys && keys.length === 0 ? <p>{t('apiKeys.empty')}</p> : null}
        {keys && keys.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.name')}</th>
                  <th scope="col">{t('apiKeys.prefix')}</th>
                  <th scope="col">{t('apiKeys.role')}</th>
                  <th scope="col">{t('apiKeys.state')}</th>
                  <th scope="col">{t('apiKeys.created')}</th>
                  <th scope="col">{t('apiKeys.expires')}</th>
                  <th scope="col">{t('apiKeys.lastUsed')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id}>
                    <th scope="row">{key.name}</th>
                    <td>
                      <code>{key.keyPrefix}…</code>
                    </td>
                    <td>{t(`roles.${key.role}`)}</td>
                    <td>{state(key)}</td>
                    <td>{formatDate(key.createdAt, i18n.language)}</td>
                    <td>{formatDate(key.expiresAt, i18n.language)}</td>
                    <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, i18n.language) : t('app.never')}</td>
                    <td>
                      {key.revokedAt ? null : (
                        <button type="button" onClick={() => void revoke(key)}>
                          {t('apiKeys.revoke')}
                          <span className="visually-hidden"> ({key.name})</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="key-create">
        <h2 id="key-create">{t('apiKeys.create')}</h2>
        <form onSubmit={(event) => void create(event)} noValidate>
          <TextField label={t('apiKeys.name')} required value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name} />
          <SelectField label={t('apiKeys.role')} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {allRoles.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('apiKeys.expires')} hint={t('apiKeys.expiresHint')} type="date" value={expires} onChange={(event) => setExpires(event.target.value)} error={fieldErrors.expiresAt} />
          <button type="submit" className="primary">
            {t('apiKeys.create')}
          </button>
        </form>
      </section>
    </Page>
  );
}
