import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSession } from '../../session/session-context';
import { pick, TextAreaField, type ImageRow, type Text } from './provenance-shared';

type Disclosure = { id: string; title: string; purpose: string; channel: string; label: Text; itemType: string; publishedAt: string; withdrawnAt: string | null };
const channels = ['social', 'press', 'print', 'web'] as const;

/** Campaign disclosure (OPEN-1): publish labelled items to the public list "Wo wir KI einsetzen". */
export default function DisclosuresPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error: loadError, reload } = useResource<Disclosure[]>(currentOrg ? `/api/orgs/${currentOrg.id}/disclosures` : undefined);
  const { data: images } = useResource<ImageRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/images` : undefined);
  const mayPublish = effectiveRoles.has('staff') || effectiveRoles.has('admin');
  const [form, setForm] = useState({ item: '', provenanceId: '', title: '', purpose: '', channel: 'social' });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const aiImages = (images ?? []).filter((image) => image.origin.startsWith('ai_') || image.origin === 'stock_generator');

  async function run(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function publish(event: FormEvent) {
    event.preventDefault();
    const item = form.item === 'text' ? { provenanceId: form.provenanceId.trim() } : { imageId: form.item };
    void run(() => api(`/api/orgs/${currentOrg!.id}/disclosures`, { method: 'POST', body: { ...item, title: form.title, purpose: form.purpose, channel: form.channel } }), t('provenance.disclosures.published', { title: form.title }));
  }

  function withdraw(entry: Disclosure) {
    const reason = window.prompt(t('provenance.disclosures.withdrawReason', { title: entry.title }));
    if (!reason) return;
    void run(() => api(`/api/orgs/${currentOrg!.id}/disclosures/${entry.id}/withdraw`, { method: 'POST', body: { reason } }), t('provenance.disclosures.withdrawn', { title: entry.title }));
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  if (!currentOrg) return null;
  return (
    <Page title={t('provenance.disclosures.title')} intro={t('provenance.disclosures.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      <p>
        <a href={`/api/public/provenance/${currentOrg.slug}/disclosures`}>{t('provenance.disclosures.publicJson')}</a>
      </p>
      {data && data.length === 0 ? <p>{t('provenance.disclosures.empty')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('provenance.disclosures.itemTitle')}</th>
                <th scope="col">{t('provenance.disclosures.label')}</th>
                <th scope="col">{t('provenance.disclosures.purpose')}</th>
                <th scope="col">{t('provenance.disclosures.date')}</th>
                <th scope="col">{t('provenance.disclosures.state')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.title}</th>
                  <td>{pick(entry.label, i18n.language)}</td>
                  <td>{entry.purpose}</td>
                  <td>{formatDate(entry.publishedAt, i18n.language)}</td>
                  <td>{entry.withdrawnAt ? t('provenance.disclosures.isWithdrawn') : t('provenance.disclosures.isPublic')}</td>
                  <td>
                    {mayPublish && !entry.withdrawnAt ? (
                      <button type="button" onClick={() => withdraw(entry)}>
                        {t('provenance.disclosures.withdraw')}
                        <span className="visually-hidden"> ({entry.title})</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mayPublish ? (
        <section aria-labelledby="disclosure-create">
          <h2 id="disclosure-create">{t('provenance.disclosures.publish')}</h2>
          <form onSubmit={publish} noValidate>
            <SelectField label={t('provenance.disclosures.item')} value={form.item} onChange={(event) => setForm({ ...form, item: event.target.value })}>
              <option value="">{t('provenance.disclosures.choose')}</option>
              {aiImages.map((image) => (
                <option key={image.id} value={image.id}>
                  {t('provenance.disclosures.imageOption', { name: image.filename })}
                </option>
              ))}
              <option value="text">{t('provenance.disclosures.textOption')}</option>
            </SelectField>
            {form.item === 'text' ? <TextField label={t('provenance.disclosures.provenanceId')} hint={t('provenance.disclosures.provenanceIdHint')} required value={form.provenanceId} onChange={(event) => setForm({ ...form, provenanceId: event.target.value })} /> : null}
            <TextField label={t('provenance.disclosures.itemTitle')} required value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} error={fieldErrors.title} />
            <TextAreaField label={t('provenance.disclosures.purpose')} hint={t('provenance.disclosures.purposeHint')} value={form.purpose} onChange={(event) => setForm({ ...form, purpose: event.target.value })} error={fieldErrors.purpose} />
            <SelectField label={t('provenance.disclosures.channel')} value={form.channel} onChange={(event) => setForm({ ...form, channel: event.target.value })}>
              {channels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`provenance.channel.${channel}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="primary" disabled={!form.item}>
              {t('provenance.disclosures.publish')}
            </button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
