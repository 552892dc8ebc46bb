import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { pick, type Text } from './provenance-shared';

type Work = { id: string; title: string; kind: string; creator: string; licence: string; feeCents: number | null; currency: string; listedPublicly: boolean; creditLine: Text; usages: { id: string; usedIn: string; channel: string; usedOn: string | null }[] };
type Library = { works: Work[]; summary: { works: number; creators: number; feesPaid: { currency: string; cents: number }[] } };
const kinds = ['photo', 'illustration', 'graphic', 'video', 'audio', 'text', 'other'] as const;
const channels = ['social', 'press', 'print', 'web', 'event', 'other'] as const;

/** Human-made works with creator, licence, fee and where used; credit lines from them (LABEL-5). */
export default function MediaPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error: loadError, reload } = useResource<Library>(currentOrg ? `/api/orgs/${currentOrg.id}/media` : undefined);
  const mayEdit = effectiveRoles.has('staff') || effectiveRoles.has('admin');
  const [form, setForm] = useState({ title: '', kind: 'photo', creator: '', licence: '', licenceUrl: '', fee: '', listedPublicly: true });
  const [usage, setUsage] = useState({ mediaId: '', usedIn: '', channel: 'print', usedOn: '' });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

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

  function create(event: FormEvent) {
    event.preventDefault();
    const fee = form.fee.trim() ? Math.round(Number(form.fee.replace(',', '.')) * 100) : undefined;
    void run(
      () =>
        api(`/api/orgs/${currentOrg!.id}/media`, {
          method: 'POST',
          body: { title: form.title, kind: form.kind, creator: form.creator, licence: form.licence, ...(form.licenceUrl ? { licenceUrl: form.licenceUrl } : {}), ...(fee !== undefined && Number.isFinite(fee) ? { feeCents: fee } : {}), listedPublicly: form.listedPublicly },
        }),
      t('provenance.media.created', { title: form.title }),
    );
  }

  function addUsage(event: FormEvent) {
    event.preventDefault();
    void run(
      () => api(`/api/orgs/${currentOrg!.id}/media/${usage.mediaId}/usages`, { method: 'POST', body: { usedIn: usage.usedIn, channel: usage.channel, ...(usage.usedOn ? { usedOn: usage.usedOn } : {}) } }),
      t('provenance.media.usageAdded'),
    );
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = (key: 'title' | 'kind' | 'creator' | 'licence' | 'licenceUrl' | 'fee') => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const money = (cents: number, currency: string) => formatNumber(cents / 100, i18n.language, { style: 'currency', currency });
  if (!currentOrg) return null;
  return (
    <Page title={t('provenance.media.title')} intro={t('provenance.media.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      {data ? (
        <p>
          {t('provenance.media.summary', { works: data.summary.works, creators: data.summary.creators })}{' '}
          {data.summary.feesPaid.length ? t('provenance.media.fees', { fees: data.summary.feesPaid.map((fee) => money(fee.cents, fee.currency)).join(', ') }) : null}
        </p>
      ) : null}
      {data && data.works.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('provenance.media.work')}</th>
                <th scope="col">{t('provenance.media.creditLine')}</th>
                <th scope="col">{t('provenance.media.fee')}</th>
                <th scope="col">{t('provenance.media.usedIn')}</th>
                <th scope="col">{t('provenance.media.public')}</th>
              </tr>
            </thead>
            <tbody>
              {data.works.map((work) => (
                <tr key={work.id}>
                  <th scope="row">{work.title}</th>
                  <td>{pick(work.creditLine, i18n.language)}</td>
                  <td>{work.feeCents !== null ? money(work.feeCents, work.currency) : '–'}</td>
                  <td>{work.usages.length ? work.usages.map((entry) => `${entry.usedIn} (${t(`provenance.usageChannel.${entry.channel}`)})`).join('; ') : '–'}</td>
                  <td>{work.listedPublicly ? t('app.yes') : t('app.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : data ? (
        <p>{t('provenance.media.empty')}</p>
      ) : null}
      {mayEdit ? (
        <>
          <section aria-labelledby="media-create">
            <h2 id="media-create">{t('provenance.media.create')}</h2>
            <form onSubmit={create} noValidate>
              <TextField label={t('provenance.media.workTitle')} required value={form.title} onChange={set('title')} error={fieldErrors.title} />
              <SelectField label={t('provenance.media.kind')} value={form.kind} onChange={set('kind')}>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`provenance.mediaKind.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('provenance.media.creator')} required value={form.creator} onChange={set('creator')} error={fieldErrors.creator} />
              <TextField label={t('provenance.media.licence')} hint={t('provenance.media.licenceHint')} required value={form.licence} onChange={set('licence')} error={fieldErrors.licence} />
              <TextField label={t('provenance.media.licenceUrl')} type="url" value={form.licenceUrl} onChange={set('licenceUrl')} error={fieldErrors.licenceUrl} />
              <TextField label={t('provenance.media.feeEuro')} inputMode="decimal" value={form.fee} onChange={set('fee')} error={fieldErrors.feeCents} />
              <div className="checkbox">
                <input type="checkbox" id="media-public" checked={form.listedPublicly} onChange={(event) => setForm({ ...form, listedPublicly: event.target.checked })} />
                <label htmlFor="media-public">{t('provenance.media.listPublicly')}</label>
              </div>
              <button type="submit" className="primary">
                {t('provenance.media.create')}
              </button>
            </form>
          </section>
          {data && data.works.length > 0 ? (
            <section aria-labelledby="media-usage">
              <h2 id="media-usage">{t('provenance.media.addUsage')}</h2>
              <form onSubmit={addUsage} noValidate>
                <SelectField label={t('provenance.media.work')} value={usage.mediaId} onChange={(event) => setUsage({ ...usage, mediaId: event.target.value })}>
                  <option value="">{t('provenance.media.choose')}</option>
                  {data.works.map((work) => (
                    <option key={work.id} value={work.id}>
                      {work.title}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('provenance.media.usedIn')} required value={usage.usedIn} onChange={(event) => setUsage({ ...usage, usedIn: event.target.value })} />
                <SelectField label={t('provenance.media.channel')} value={usage.channel} onChange={(event) => setUsage({ ...usage, channel: event.target.value })}>
                  {channels.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`provenance.usageChannel.${channel}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('provenance.media.usedOn')} type="date" value={usage.usedOn} onChange={(event) => setUsage({ ...usage, usedOn: event.target.value })} />
                <button type="submit" disabled={!usage.mediaId}>
                  {t('provenance.media.addUsage')}
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
