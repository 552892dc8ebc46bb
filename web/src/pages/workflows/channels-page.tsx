import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import './workflows.css';

type Channel = { name: string; label: string; updatedAt: string };

/** Channels the case assistant may post to: a name and a webhook URL, stored encrypted and never shown again. */
export default function ChannelsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error: loadError, reload } = useResource<Channel[]>(currentOrg ? `/api/orgs/${currentOrg.id}/workflow-channels` : undefined);
  const [form, setForm] = useState({ name: '', label: '', webhookUrl: '' });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const isAdmin = effectiveRoles.has('admin');
  if (!currentOrg) return null;

  async function run(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      reload();
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const name = form.name.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(name)) {
      setError(new ApiError({ type: 'about:blank', title: '', status: 400, detail: t('workflows.channels.invalid'), code: 'VALIDATION', errors: [{ path: 'name', message: t('workflows.channels.nameRule') }] }));
      return;
    }
    const saved = await run(
      () => api(`/api/orgs/${currentOrg!.id}/workflow-channels/${name}`, { method: 'PUT', body: { label: form.label, webhookUrl: form.webhookUrl } }),
      t('workflows.channels.saved', { name }),
    );
    if (saved) setForm({ name: '', label: '', webhookUrl: '' });
  }

  function remove(channel: Channel) {
    if (!window.confirm(t('workflows.channels.confirmRemove', { name: channel.label }))) return;
    void run(() => api(`/api/orgs/${currentOrg!.id}/workflow-channels/${channel.name}`, { method: 'DELETE' }), t('workflows.channels.removed', { name: channel.label }));
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Page title={t('workflows.channels.title')} intro={t('workflows.channels.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      {data?.length === 0 ? <p>{t('workflows.channels.empty')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('workflows.channels.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workflows.channels.label')}</th>
                <th scope="col">{t('workflows.channels.name')}</th>
                <th scope="col">{t('workflows.channels.updated')}</th>
                {isAdmin ? <th scope="col">{t('app.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.map((channel) => (
                <tr key={channel.name}>
                  <th scope="row">{channel.label}</th>
                  <td>
                    <code>{channel.name}</code>
                  </td>
                  <td>{formatDateTime(channel.updatedAt, i18n.language)}</td>
                  {isAdmin ? (
                    <td>
                      <button type="button" onClick={() => remove(channel)}>
                        {t('app.delete')}
                        <span className="visually-hidden"> ({channel.label})</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {isAdmin ? (
        <section aria-labelledby="channel-form">
          <h2 id="channel-form">{t('workflows.channels.add')}</h2>
          <form onSubmit={(event) => void save(event)} noValidate>
            <TextField label={t('workflows.channels.name')} hint={t('workflows.channels.nameRule')} required value={form.name} error={fieldErrors.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
            <TextField label={t('workflows.channels.label')} required value={form.label} error={fieldErrors.label} onChange={(event) => setForm({ ...form, label: event.target.value })} />
            <TextField label={t('workflows.channels.webhookUrl')} hint={t('workflows.channels.webhookHint')} required type="url" value={form.webhookUrl} error={fieldErrors.webhookUrl} onChange={(event) => setForm({ ...form, webhookUrl: event.target.value })} />
            <button type="submit" className="primary">
              {t('workflows.channels.save')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
