import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { TextAreaField, today } from './accountability-shared';
import { dataClasses, exceptionCategories, roleNames, type ExceptionModel, type ExceptionRow } from './exception-types';

const empty = { platform: '', modelId: '', useCase: '', category: 'multimodal', justification: '', people: '', startsAt: '', expiresAt: '' };

/** SOV-3: request an exception for a commercial platform: what, why, which data, how long, for whom. */
export function ExceptionForm({ orgId, onCreated }: { orgId: string; onCreated(row: ExceptionRow): void }) {
  const { t } = useTranslation();
  const { data: models } = useResource<ExceptionModel[]>(`/api/orgs/${orgId}/exceptions/models`);
  const [form, setForm] = useState(empty);
  const [classes, setClasses] = useState<string[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<ExceptionRow>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(undefined);
    setBusy(true);
    try {
      const row = await api<ExceptionRow>(`/api/orgs/${orgId}/exceptions`, {
        method: 'POST',
        body: {
          platform: form.platform,
          ...(form.modelId ? { modelId: form.modelId } : {}),
          useCase: form.useCase,
          category: form.category,
          justification: form.justification,
          dataClasses: classes,
          people: form.people.split(/[\s,;]+/).map((entry) => entry.trim()).filter(Boolean),
          roles,
          ...(form.startsAt ? { startsAt: new Date(`${form.startsAt}T00:00:00`).toISOString() } : {}),
          expiresAt: form.expiresAt ? new Date(`${form.expiresAt}T23:59:59`).toISOString() : '',
        },
      });
      setCreated(row);
      setForm(empty);
      setClasses([]);
      setRoles([]);
      onCreated(row);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <section aria-labelledby="exception-request">
      <h2 id="exception-request">{t('accountability.exceptions.requestTitle')}</h2>
      <p className="intro">{t('accountability.exceptions.requestIntro')}</p>
      {created ? <Notice kind="success">{t('accountability.exceptions.requested', { number: created.number })}</Notice> : null}
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('accountability.exceptions.platform')} hint={t('accountability.exceptions.platformHint')} required value={form.platform} onChange={set('platform')} error={fieldErrors.platform} />
        <SelectField label={t('accountability.exceptions.model')} hint={t('accountability.exceptions.modelHint')} value={form.modelId} onChange={set('modelId')} error={fieldErrors.modelId}>
          <option value="">{t('accountability.exceptions.noModel')}</option>
          {(models ?? []).map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('accountability.exceptions.useCase')} required value={form.useCase} onChange={set('useCase')} error={fieldErrors.useCase} />
        <fieldset className="field">
          <legend>{t('accountability.exceptions.category')}</legend>
          {exceptionCategories.map((value) => (
            <div key={value} className="checkbox">
              <input type="radio" id={`category-${value}`} name="category" value={value} checked={form.category === value} onChange={() => setForm({ ...form, category: value })} />
              <label htmlFor={`category-${value}`}>{t(`accountability.exceptions.categories.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField label={t('accountability.exceptions.justification')} hint={t('accountability.exceptions.justificationHint')} required value={form.justification} onChange={set('justification')} error={fieldErrors.justification} />
        <CheckboxGroup legend={t('accountability.exceptions.dataClasses')} options={dataClasses.map((value) => ({ value, label: t(`accountability.dataClasses.${value}`) }))} value={classes} onChange={setClasses} />
        {fieldErrors.dataClasses ? <p className="field-error">{fieldErrors.dataClasses}</p> : null}
        <TextField label={t('accountability.exceptions.people')} hint={t('accountability.exceptions.peopleHint')} value={form.people} onChange={set('people')} error={fieldErrors.people} />
        <CheckboxGroup legend={t('accountability.exceptions.roles')} options={roleNames.map((value) => ({ value, label: t(`roles.${value}`) }))} value={roles} onChange={setRoles} />
        <TextField label={t('accountability.exceptions.startsAt')} hint={t('accountability.exceptions.startsAtHint')} type="date" min={today()} value={form.startsAt} onChange={set('startsAt')} error={fieldErrors.startsAt} />
        <TextField label={t('accountability.exceptions.expiresAt')} hint={t('accountability.exceptions.expiresAtHint')} type="date" min={today()} required value={form.expiresAt} onChange={set('expiresAt')} error={fieldErrors.expiresAt} />
        <button type="submit" className="primary" disabled={busy}>
          {t('accountability.exceptions.submit')}
        </button>
      </form>
    </section>
  );
}
