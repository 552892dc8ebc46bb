import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { pick, readAsBase64, TextAreaField, type ImageRow } from './provenance-shared';
import './provenance.css';

const origins = ['human_photo', 'human_illustration', 'ai_generated', 'ai_edited', 'stock_generator'] as const;
const corners = ['none', 'bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
const isAi = (origin: string) => origin.startsWith('ai_') || origin === 'stock_generator';

/** Upload an image, declare its origin, get it back labelled (LABEL-2/3). */
export default function LabelPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const fileId = useId();
  const { data: images, reload } = useResource<ImageRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/images` : undefined);
  const [file, setFile] = useState<File>();
  const [origin, setOrigin] = useState<(typeof origins)[number]>('ai_generated');
  const [form, setForm] = useState({ generator: '', prompts: '', description: '', creator: '', photorealistic: false, corner: 'bottom-right' as (typeof corners)[number], language: 'de' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ImageRow>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(undefined);
    if (!file) {
      setError(new Error(t('provenance.label.fileMissing')));
      return;
    }
    setBusy(true);
    try {
      const ai = isAi(origin);
      const result = await api<ImageRow>(`/api/orgs/${currentOrg!.id}/images`, {
        method: 'POST',
        body: {
          filename: file.name,
          contentBase64: await readAsBase64(file),
          origin,
          ...(ai
            ? {
                generator: form.generator,
                photorealistic: form.photorealistic,
                prompts: form.prompts.split('\n').map((line) => line.trim()).filter(Boolean),
                visibleLabel: form.corner === 'none' ? null : { corner: form.corner, language: form.language },
              }
            : { creator: form.creator }),
          description: form.description,
        },
      });
      setCreated(result);
      reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = (key: 'generator' | 'prompts' | 'description' | 'creator' | 'corner' | 'language') => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  if (!currentOrg) return null;
  const ai = isAi(origin);
  return (
    <Page title={t('provenance.label.title')} intro={t('provenance.label.intro')}>
      {created ? (
        <Notice kind="success">
          <p>
            <strong>{t('provenance.label.done')}</strong> {pick(created.creditLine, i18n.language)}
          </p>
          <p>
            <a href={created.files.labelled}>{t('provenance.label.downloadLabelled')}</a> · <a href={created.files.original}>{t('provenance.label.downloadOriginal')}</a>
          </p>
          <p>{created.c2pa.signed ? t('provenance.label.c2paSigned') : t('provenance.label.c2paNot', { reason: created.c2pa.reason ?? '' })}</p>
          <img className="provenance-preview" src={created.files.labelled} alt={t('provenance.label.previewAlt', { credit: pick(created.creditLine, i18n.language) })} />
        </Notice>
      ) : null}
      <ErrorNotice error={error} />
      <section aria-labelledby="label-form">
        <h2 id="label-form">{t('provenance.label.formTitle')}</h2>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={fileId}>
              {t('provenance.label.file')} <span className="required">({t('app.required')})</span>
            </label>
            <p id={`${fileId}-hint`} className="hint">
              {t('provenance.label.fileHint')}
            </p>
            <input id={fileId} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${fileId}-hint`} onChange={(event) => setFile(event.target.files?.[0])} />
          </div>
          <fieldset className="field">
            <legend>{t('provenance.label.origin')}</legend>
            {origins.map((value) => (
              <div key={value} className="checkbox">
                <input type="radio" id={`origin-${value}`} name="origin" value={value} checked={origin === value} onChange={() => setOrigin(value)} />
                <label htmlFor={`origin-${value}`}>{t(`provenance.origin.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          {ai ? (
            <>
              <TextField label={t('provenance.label.generator')} hint={t('provenance.label.generatorHint')} required value={form.generator} onChange={set('generator')} error={fieldErrors.generator} />
              <div className="checkbox">
                <input type="checkbox" id="photorealistic" checked={form.photorealistic} onChange={(event) => setForm({ ...form, photorealistic: event.target.checked })} />
                <label htmlFor="photorealistic">{t('provenance.label.photorealistic')}</label>
              </div>
              <TextAreaField label={t('provenance.label.prompts')} hint={t('provenance.label.promptsHint')} value={form.prompts} onChange={set('prompts')} error={fieldErrors.prompts} />
              <SelectField label={t('provenance.label.corner')} hint={t('provenance.label.cornerHint')} value={form.corner} onChange={set('corner')} error={fieldErrors.visibleLabel}>
                {corners.map((value) => (
                  <option key={value} value={value}>
                    {t(`provenance.corner.${value}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('provenance.label.labelLanguage')} value={form.language} onChange={set('language')}>
                <option value="de">{t('provenance.label.labelDe')}</option>
                <option value="en">{t('provenance.label.labelEn')}</option>
              </SelectField>
            </>
          ) : (
            <TextField label={t('provenance.label.creator')} required value={form.creator} onChange={set('creator')} error={fieldErrors.creator} />
          )}
          <TextAreaField label={t('provenance.label.description')} value={form.description} onChange={set('description')} />
          <button type="submit" className="primary" disabled={busy}>
            {t('provenance.label.submit')}
          </button>
          {busy ? (
            <p role="status" className="muted">
              {t('provenance.label.working')}
            </p>
          ) : null}
        </form>
      </section>
      <section aria-labelledby="label-list">
        <h2 id="label-list">{t('provenance.label.list')}</h2>
        {images && images.length === 0 ? <p>{t('provenance.label.empty')}</p> : null}
        {images && images.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('provenance.label.fileColumn')}</th>
                  <th scope="col">{t('provenance.label.origin')}</th>
                  <th scope="col">{t('provenance.label.credit')}</th>
                  <th scope="col">{t('provenance.label.visible')}</th>
                  <th scope="col">C2PA</th>
                  <th scope="col">{t('provenance.label.created')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {images.map((image) => (
                  <tr key={image.id}>
                    <th scope="row">{image.filename}</th>
                    <td>{t(`provenance.origin.${image.origin}`)}</td>
                    <td>{pick(image.creditLine, i18n.language)}</td>
                    <td>{image.visibleLabel ? `${image.visibleLabel.text} (${t(`provenance.corner.${image.visibleLabel.corner}`)})` : t('app.no')}</td>
                    <td>{image.c2pa.signed ? t('provenance.label.signed') : t('provenance.label.unsigned')}</td>
                    <td>{formatDateTime(image.createdAt, i18n.language)}</td>
                    <td>
                      <a href={image.files.labelled}>
                        {t('provenance.label.download')}
                        <span className="visually-hidden"> ({image.filename})</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
