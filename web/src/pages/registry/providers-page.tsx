import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { StatusBadge } from './status-badge';
import { localized, type Text } from './registry-types';

type ProviderRow = { id: string; name: string; zone: string; jurisdiction: string; status: string; statusReason: Text; adapter: string | null; baseUrl: string | null; hasApiKey: boolean; facts: { dpa?: { status: string } } };

export default function ProvidersPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const rootAdmin = !!session?.orgs?.some((org) => !org.parentId && org.roles.includes('admin'));
  const { data, error, reload } = useResource<ProviderRow[]>('/api/registry/providers');
  const [form, setForm] = useState({ id: '', adapter: 'openai-compatible', baseUrl: '', apiKey: '', zone: 'own', jurisdiction: 'DE' });
  const [formError, setFormError] = useState<unknown>();
  const [connected, setConnected] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    setConnected(undefined);
    try {
      const { id, apiKey, baseUrl, ...rest } = form;
      await api(`/api/registry/providers/${encodeURIComponent(id)}/connection`, { method: 'PUT', body: { ...rest, ...(baseUrl ? { baseUrl } : {}), ...(apiKey ? { apiKey } : {}) } });
      setConnected(id);
      setForm({ ...form, apiKey: '' });
      reload();
    } catch (reason) {
      setFormError(reason);
    }
  }

  const fieldErrors = formError instanceof ApiError ? formError.fieldErrors : {};
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <Page title={t('registry.providers.title')} intro={t('registry.providers.intro')}>
      <ErrorNotice error={error} />
      {data ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registry.providers.name')}</th>
                <th scope="col">{t('registry.providers.zone')}</th>
                <th scope="col">{t('registry.providers.jurisdiction')}</th>
                <th scope="col">{t('registry.providers.dpa')}</th>
                <th scope="col">{t('registry.list.status')}</th>
                <th scope="col">{t('registry.providers.connection')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((provider) => (
                <tr key={provider.id}>
                  <th scope="row">
                    {provider.name}
                    <br />
                    <span className="muted">{provider.id}</span>
                  </th>
                  <td>{t(`registry.zone.${provider.zone}`)}</td>
                  <td>{provider.jurisdiction}</td>
                  <td>{provider.facts.dpa?.status ?? '–'}</td>
                  <td>
                    <StatusBadge status={provider.status} />
                    <br />
                    <span className="muted">{localized(provider.statusReason, i18n.language)}</span>
                  </td>
                  <td>{provider.adapter ? `${provider.adapter}${provider.baseUrl ? ` · ${provider.baseUrl}` : ''}` : t('registry.card.notConnected')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rootAdmin ? (
        <section aria-labelledby="connect" className="panel">
          <h2 id="connect">{t('registry.providers.connect')}</h2>
          {connected ? <Notice kind="success">{t('registry.providers.connected', { id: connected })}</Notice> : null}
          <ErrorNotice error={formError} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <TextField label={t('registry.providers.id')} required value={form.id} onChange={set('id')} />
            <SelectField label={t('registry.providers.adapter')} value={form.adapter} onChange={set('adapter')}>
              <option value="openai-compatible">OpenAI-kompatibel (Ollama, vLLM, llama.cpp, IONOS, STACKIT, Scaleway, OVHcloud, Mistral)</option>
              <option value="anthropic">Anthropic</option>
              <option value="llama-cpp">llama.cpp (eingebettet / embedded)</option>
            </SelectField>
            <TextField label={t('registry.providers.baseUrl')} type="url" value={form.baseUrl} onChange={set('baseUrl')} error={fieldErrors.baseUrl} />
            <TextField label={t('registry.providers.apiKey')} hint={t('registry.providers.apiKeyHint')} type="password" autoComplete="off" value={form.apiKey} onChange={set('apiKey')} />
            <SelectField label={t('registry.providers.zone')} value={form.zone} onChange={set('zone')}>
              {['own', 'eu', 'non-eu'].map((zone) => (
                <option key={zone} value={zone}>
                  {t(`registry.zone.${zone}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('registry.providers.jurisdiction')} required maxLength={2} value={form.jurisdiction} onChange={set('jurisdiction')} error={fieldErrors.jurisdiction} />
            <button type="submit" className="primary">
              {t('registry.providers.connect')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
