import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup, TextField } from '../../components/field';
import { CopyBox } from '../../components/copy-box';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession, type Role } from '../../session/session-context';

type UserRow = { id: string; email: string; displayName: string; active: boolean; locked: boolean; roles: Role[]; lastLoginAt: string | null };
const allRoles: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const { data: users, error: loadError, reload } = useResource<UserRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/users` : undefined);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [secret, setSecret] = useState<{ email: string; password: string }>();
  const [editing, setEditing] = useState<{ user: UserRow; roles: Role[] }>();
  const roleOptions = allRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  async function run(action: () => Promise<void>) {
    setError(undefined);
    setNotice(undefined);
    setSecret(undefined);
    try {
      await action();
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await api<{ user: UserRow; oneTimePassword?: string; created: boolean }>(`/api/orgs/${currentOrg!.id}/users`, {
        method: 'POST',
        body: { email, displayName, roles },
      });
      setNotice(result.created ? t('users.created', { email: result.user.email }) : t('users.rolesGranted', { email: result.user.email }));
      if (result.oneTimePassword) setSecret({ email: result.user.email, password: result.oneTimePassword });
      setEmail('');
      setDisplayName('');
    });
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  if (!currentOrg) return null;
  return (
    <Page title={t('users.title')} intro={t('users.intro', { org: currentOrg.name })}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {secret ? (
        <Notice kind="info">
          <p>
            <strong>{t('users.oneTimePassword', { email: secret.email })}</strong>
          </p>
          <CopyBox label={t('users.oneTimePassword', { email: secret.email })} value={secret.password} />
          <p>{t('users.oneTimePasswordHint')}</p>
        </Notice>
      ) : null}
      <ErrorNotice error={error ?? loadError} />
      <section aria-labelledby="user-list">
        <h2 id="user-list">{t('users.list')}</h2>
        {users && users.length === 0 ? <p>{t('users.empty')}</p> : null}
        {users && users.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.lastLogin')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.displayName}</th>
                    <td>{user.email}</td>
                    <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                    <td>{!user.active ? t('users.inactive') : user.locked ? t('users.locked') : t('users.active')}</td>
                    <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('app.never')}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setEditing({ user, roles: user.roles })} aria-label={t('users.editRoles', { name: user.displayName })}>
                        {t('users.roles')}
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            const result = await api<{ oneTimePassword: string }>(`/api/orgs/${currentOrg.id}/users/${user.id}/reset-password`, { method: 'POST' });
                            setSecret({ email: user.email, password: result.oneTimePassword });
                          })
                        }
                      >
                        {t('users.resetPassword')}
                        <span className="visually-hidden"> ({user.displayName})</span>
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            await api(`/api/orgs/${currentOrg.id}/users/${user.id}`, { method: 'PATCH', body: { active: !user.active } });
                            setNotice(t(user.active ? 'users.deactivated' : 'users.activated', { name: user.displayName }));
                          })
                        }
                      >
                        {user.active ? t('users.deactivate') : t('users.activate')}
                        <span className="visually-hidden"> ({user.displayName})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {editing ? (
        <section aria-labelledby="edit-roles" className="panel">
          <h2 id="edit-roles">{t('users.editRoles', { name: editing.user.displayName })}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(async () => {
                await api(`/api/orgs/${currentOrg.id}/users/${editing.user.id}/roles`, { method: 'PUT', body: { roles: editing.roles } });
                setNotice(t('users.rolesSaved', { name: editing.user.displayName }));
                setEditing(undefined);
              });
            }}
          >
            <CheckboxGroup legend={t('users.roles')} options={roleOptions} value={editing.roles} onChange={(next) => setEditing({ ...editing, roles: next })} />
            <div className="button-row">
              <button type="submit" className="primary">
                {t('users.saveRoles')}
              </button>
              <button type="button" onClick={() => setEditing(undefined)}>
                {t('app.cancel')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="user-create">
        <h2 id="user-create">{t('users.create')}</h2>
        <p className="hint">{t('users.createHint')}</p>
        <form onSubmit={create} noValidate>
          <TextField label={t('users.email')} type="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={fieldErrors.email} />
          <TextField label={t('users.name')} required value={displayName} onChange={(event) => setDisplayName(event.target.value)} error={fieldErrors.displayName} />
          <CheckboxGroup legend={t('users.roles')} options={roleOptions} value={roles} onChange={setRoles} />
          <button type="submit" className="primary">
            {t('users.create')}
          </button>
        </form>
      </section>
    </Page>
  );
}
