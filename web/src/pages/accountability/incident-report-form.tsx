import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { FileField, filesForApi, TextAreaField } from './accountability-shared';
import type { IncidentRow } from './incident-types';

const empty = { title: '', description: '', location: '', occurredAt: '', modelId: '', contentRef: '' };

/** OPEN-3: anyone in the organisation reports what happened, where, with which model or content, and a screenshot. */
export function IncidentReportForm({ orgId, onReported }: { orgId: string; onReported(row: IncidentRow): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<IncidentRow>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(undefined);
    setBusy(true);
    try {
      const row = await api<IncidentRow>(`/api/orgs/${orgId}/incidents`, {
        method: 'POST',
        body: {
          title: form.title,
          description: form.description,
          location: form.location,
          ...(form.occurredAt ? { occurredAt: new Date(form.occurredAt).toISOString() } : {}),
          ...(form.modelId ? { modelId: form.modelId } : {}),
          ...(form.contentRef ? { contentRef: form.contentRef } : {}),
          attachments: await filesForApi(files),
        },
      });
      setCreated(row);
      setForm(empty);
      setFiles([]);
      setFileKey((key) => key + 1);
      onReported(row);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <section aria-labelledby="incident-report">
      <h2 id="incident-report">{t('accountability.incidents.reportTitle')}</h2>
      <p className="intro">{t('accountability.incidents.reportIntro')}</p>
      {created ? <Notice kind="success">{t('accountability.incidents.reported', { number: created.number })}</Notice> : null}
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('accountability.incidents.titleField')} required value={form.title} onChange={set('title')} error={fieldErrors.title} />
        <TextAreaField label={t('accountability.incidents.description')} hint={t('accountability.incidents.descriptionHint')} required value={form.description} onChange={set('description')} error={fieldErrors.description} />
        <TextField label={t('accountability.incidents.location')} hint={t('accountability.incidents.locationHint')} required value={form.location} onChange={set('location')} error={fieldErrors.location} />
        <TextField label={t('accountability.incidents.occurredAt')} type="datetime-local" value={form.occurredAt} onChange={set('occurredAt')} error={fieldErrors.occurredAt} />
        <TextField label={t('accountability.incidents.model')} hint={t('accountability.incidents.modelHint')} value={form.modelId} onChange={set('modelId')} error={fieldErrors.modelId} />
        <TextField label={t('accountability.incidents.contentRef')} hint={t('accountability.incidents.contentRefHint')} value={form.contentRef} onChange={set('contentRef')} error={fieldErrors.contentRef} />
        <FileField key={fileKey} label={t('accountability.incidents.files')} hint={t('accountability.incidents.filesHint')} files={files} onChange={setFiles} />
        {fieldErrors['attachments.0'] ? <p className="field-error">{fieldErrors['attachments.0']}</p> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('accountability.incidents.submit')}
        </button>
      </form>
    </section>
  );
}
