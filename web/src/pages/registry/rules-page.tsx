import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession, type Role } from '../../session/session-context';
import type { RuleRow } from './registry-types';

const allRoles: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];

export default function RulesPage() {
  const { t } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error, reload } = useResource<RuleRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/registry/rules` : undefined);
  const mayEdit = effectiveRoles.has('reviewer') || effectiveRoles.has('admin');
  const [form, setForm] = useState({ targetType: 'model', targetId: '', effect: 'exclude', reason: '' });
  const [roles, setRoles] = useState<Role[]>(['staff']);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();

  async function run(action: () => Promise<unknown>, message: string) {
    setActionError(undefined);
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      reload();
    } catch (reason) {
      setActionError(reason);
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    void run(
      () => api(`/api/orgs/${currentOrg!.id}/registry/rules`, { method: 'POST', body: { ...form, ...(form.effect === 'restrict_roles' ? { roles } : {}) } }),
      t('registry.rules.added'),
    );
  }

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  if (!currentOrg) return null;
  return (
    <Page title={t('registry.rules.title')} intro={t('registry.rules.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? actionError} />
      {data && data.length === 0 ? <p>{t('registry.rules.none')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registry.rules.target')}</th>
                <th scope="col">{t('registry.rules.effect')}</th>
                <th scope="col">{t('registry.card.reason')}</th>
                <th scope="col">{t('registry.rules.origin')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">
                    {t(`registry.rules.targetTypes.${rule.targetType}`)}: {rule.targetId}
                  </th>
                  <td>
                    {t(`registry.rules.effects.${rule.effect}`)}
                    {rule.roles.length > 0 ? ` (${rule.roles.map((role) => t(`roles.${role}`)).join(', ')})` : ''}
                  </td>
                  <td>{rule.reason}</td>
                  <td>
                    {rule.orgName} ({rule.inherited ? t('registry.rules.inherited') : t('registry.rules.own')})
                  </td>
                  <td>
                    {!rule.inherited && mayEdit ? (
                      <button
                        type="button"
                        onClick={() => {
                          const reason = window.prompt(t('registry.rules.removeReason'));
                          if (reason) void run(() => api(`/api/orgs/${currentOrg.id}/registry/rules/${rule.id}?reason=${encodeURIComponent(reason)}`, { method: 'DELETE' }), t('registry.rules.removed'));
                        }}
                      >
                        {t('registry.rules.remove')}
                        <span className="visually-hidden"> ({rule.targetId})</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mayEdit ? (
        <section aria-labelledby="add-rule" className="panel">
          <h2 id="add-rule">{t('registry.rules.add')}</h2>
          <form onSubmit={add}>
            <SelectField label={t('registry.rules.target')} value={form.targetType} onChange={set('targetType')}>
              {['model', 'provider', 'zone'].map((value) => (
                <option key={value} value={value}>
                  {t(`registry.rules.targetTypes.${value}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('registry.providers.id')} required value={form.targetId} onChange={set('targetId')} />
            <SelectField label={t('registry.rules.effect')} value={form.effect} onChange={set('effect')}>
              {['exclude', 'exception_only', 'restrict_roles'].map((value) => (
                <option key={value} value={value}>
                  {t(`registry.rules.effects.${value}`)}
                </option>
              ))}
            </SelectField>
            {form.effect === 'restrict_roles' ? <CheckboxGroup legend={t('registry.rules.roles')} options={allRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} value={roles} onChange={setRoles} /> : null}
            <TextField label={t('registry.card.reason')} required value={form.reason} onChange={set('reason')} />
            <button type="submit" className="primary">
              {t('registry.rules.add')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
