import { useId, useState, type FormEvent, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { useSay, useVocabulary, type UseCaseDetail } from './transparency-types';

function TextArea({ label, hint, error, ...area }: { label: string; hint?: string; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts.some(Boolean));
const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
const nullable = (value: string) => (value.trim() === '' ? null : value.trim());

function toForm(entry: UseCaseDetail) {
  return {
    name: entry.name,
    summary: entry.summary,
    department: entry.department ?? '',
    purpose: entry.purpose,
    policyAreas: entry.policyAreas,
    affectedGroups: entry.affectedPeople.groups,
    affectedDescription: entry.affectedPeople.description,
    models: entry.models.map((model) => [model.name, model.version ?? '', model.provider].join(' | ')).join('\n'),
    technicalDescription: entry.technicalDescription,
    dataCategories: entry.dataCategories,
    dataDescription: entry.dataDescription,
    humanOversight: entry.humanOversight,
    fundamentalRightsImpact: entry.fundamentalRightsImpact,
    riskManagement: entry.riskManagement,
    legalBasis: entry.legalBasis,
    legalBasisLinks: entry.legalBasisLinks.map((link) => `${link.title} | ${link.url}`).join('\n'),
    responsibleName: entry.responsiblePerson.name,
    responsibleRole: entry.responsiblePerson.role,
    contact: entry.contact,
    impactful: entry.impactful,
    evaluations: entry.evaluations.map((item) => `${item.kind} | ${item.title} | ${item.url}`).join('\n'),
    incidents: entry.incidents.map((link) => `${link.title} | ${link.url}`).join('\n'),
    evaluationIds: entry.evaluationIds.join(', '),
    incidentIds: entry.incidentIds.join(', '),
    publicPageUrl: entry.publicPageUrl ?? '',
    sourceCodeUrl: entry.sourceCodeUrl ?? '',
    processingRecordUrl: entry.processingRecordUrl ?? '',
    internalNotes: entry.internalNotes,
    language: entry.language,
    published: entry.published,
  };
}

/** Every field of a register entry, with per-field visibility and publication (OPEN-1). */
export function UseCaseForm({ entry, onSaved }: { entry: UseCaseDetail; onSaved(next: UseCaseDetail): void }) {
  const { t } = useTranslation();
  const say = useSay();
  const vocabulary = useVocabulary();
  const [form, setForm] = useState(() => toForm(entry));
  const [publicOverride, setPublicOverride] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const configurable = vocabulary?.configurableFields ?? [];
  // Incident links are internal unless chosen otherwise, like on the server (defaultVisibility).
  const publicFields = publicOverride ?? configurable.filter((field) => (entry.visibility[field] ?? (field === 'incidents' ? 'internal' : 'public')) === 'public');
  const text = (key: keyof typeof form) => ({ value: form[key] as string, onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }) });
  const options = (values: Record<string, { de: string; en: string }> | undefined) => Object.entries(values ?? {}).map(([value, label]) => ({ value, label: say(label) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const next = await api<UseCaseDetail>(`/api/transparency/use-cases/${entry.id}`, {
        method: 'PATCH',
        body: {
          expectedVersion: entry.version,
          language: form.language,
          name: form.name,
          summary: form.summary,
          department: nullable(form.department),
          purpose: form.purpose,
          policyAreas: form.policyAreas,
          affectedPeople: { groups: form.affectedGroups, description: form.affectedDescription },
          models: lines(form.models).map(([name = '', version = '', provider = '']) => ({ name, version: nullable(version), provider })),
          technicalDescription: form.technicalDescription,
          dataCategories: form.dataCategories,
          dataDescription: form.dataDescription,
          humanOversight: form.humanOversight,
          fundamentalRightsImpact: form.fundamentalRightsImpact,
          riskManagement: form.riskManagement,
          legalBasis: form.legalBasis,
          legalBasisLinks: lines(form.legalBasisLinks).map(([title = '', url = '']) => ({ title, url })),
          responsiblePerson: { name: form.responsibleName, role: form.responsibleRole },
          contact: form.contact,
          impactful: form.impactful,
          evaluations: lines(form.evaluations).map(([kind = '', title = '', url = '']) => ({ kind, title, url })),
          incidents: lines(form.incidents).map(([title = '', url = '']) => ({ title, url })),
          evaluationIds: list(form.evaluationIds),
          incidentIds: list(form.incidentIds),
          publicPageUrl: nullable(form.publicPageUrl),
          sourceCodeUrl: nullable(form.sourceCodeUrl),
          processingRecordUrl: nullable(form.processingRecordUrl),
          internalNotes: form.internalNotes,
          published: form.published,
          visibility: Object.fromEntries(configurable.map((field) => [field, publicFields.includes(field) ? 'public' : 'internal'])),
        },
      });
      setSaved(true);
      onSaved(next);
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="tp-form">
      <ErrorNotice error={error} />
      {saved ? <Notice kind="success">{t('transparency.form.saved')}</Notice> : null}
      <fieldset>
        <legend>{t('transparency.form.basics')}</legend>
        <TextField label={t('transparency.field.name')} required maxLength={100} error={fieldErrors.name} {...text('name')} />
        <TextArea label={t('transparency.field.summary')} hint={t('transparency.hint.summary')} required maxLength={350} error={fieldErrors.summary} {...text('summary')} />
        <TextField label={t('transparency.field.department')} maxLength={100} {...text('department')} />
        <TextArea label={t('transparency.field.purpose')} required maxLength={1200} error={fieldErrors.purpose} {...text('purpose')} />
        <CheckboxGroup legend={t('transparency.field.policyAreas')} options={options(vocabulary?.policyAreas)} value={form.policyAreas} onChange={(next) => setForm({ ...form, policyAreas: next })} />
        <SelectField label={t('transparency.field.language')} value={form.language} onChange={(event) => setForm({ ...form, language: event.target.value as 'de' | 'en' })}>
          <option value="de">Deutsch</option>
          <option value="en">English</option>
        </SelectField>
      </fieldset>
      <fieldset>
        <legend>{t('transparency.form.people')}</legend>
        <CheckboxGroup legend={t('transparency.field.affectedGroups')} options={options(vocabulary?.affectedGroups)} value={form.affectedGroups} onChange={(next) => setForm({ ...form, affectedGroups: next })} />
        <TextArea label={t('transparency.field.affectedDescription')} maxLength={800} {...text('affectedDescription')} />
        <div className="checkbox">
          <input id="tp-impactful" type="checkbox" checked={form.impactful} onChange={(event) => setForm({ ...form, impactful: event.target.checked })} />
          <label htmlFor="tp-impactful">{t('transparency.field.impactfulLong')}</label>
        </div>
        <TextArea label={t('transparency.field.humanOversight')} maxLength={2500} {...text('humanOversight')} />
        <TextArea label={t('transparency.field.fundamentalRightsImpact')} maxLength={2500} {...text('fundamentalRightsImpact')} />
        <TextArea label={t('transparency.field.riskManagement')} maxLength={2200} {...text('riskManagement')} />
      </fieldset>
      <fieldset>
        <legend>{t('transparency.form.technology')}</legend>
        <TextArea label={t('transparency.field.models')} hint={t('transparency.hint.models')} error={fieldErrors.models} {...text('models')} />
        <TextArea label={t('transparency.field.technicalDescription')} maxLength={2000} {...text('technicalDescription')} />
        <CheckboxGroup legend={t('transparency.field.dataCategories')} options={options(vocabulary?.dataCategories)} value={form.dataCategories} onChange={(next) => setForm({ ...form, dataCategories: next })} />
        <TextArea label={t('transparency.field.dataDescription')} maxLength={1800} {...text('dataDescription')} />
      </fieldset>
      <fieldset>
        <legend>{t('transparency.form.accountability')}</legend>
        <TextField label={t('transparency.field.responsibleName')} required error={fieldErrors['responsiblePerson.name']} {...text('responsibleName')} />
        <TextField label={t('transparency.field.responsibleRole')} {...text('responsibleRole')} />
        <TextField label={t('transparency.field.contact')} hint={t('transparency.hint.contact')} required error={fieldErrors.contact} {...text('contact')} />
        <TextArea label={t('transparency.field.legalBasis')} maxLength={2500} {...text('legalBasis')} />
        <TextArea label={t('transparency.field.legalBasisLinks')} hint={t('transparency.hint.links')} error={fieldErrors.legalBasisLinks} {...text('legalBasisLinks')} />
        <TextArea label={t('transparency.field.evaluations')} hint={t('transparency.hint.evaluations', { kinds: Object.keys(vocabulary?.evaluationKinds ?? {}).join(', ') })} error={fieldErrors.evaluations} {...text('evaluations')} />
        <TextArea label={t('transparency.field.incidentLinks')} hint={t('transparency.hint.links')} error={fieldErrors.incidents} {...text('incidents')} />
        <TextField label={t('transparency.field.evaluationIds')} hint={t('transparency.hint.ids')} {...text('evaluationIds')} />
        <TextField label={t('transparency.field.incidentIds')} hint={t('transparency.hint.ids')} {...text('incidentIds')} />
        <TextField label={t('transparency.field.publicPageUrl')} type="url" error={fieldErrors.publicPageUrl} {...text('publicPageUrl')} />
        <TextField label={t('transparency.field.sourceCodeUrl')} type="url" error={fieldErrors.sourceCodeUrl} {...text('sourceCodeUrl')} />
        <TextField label={t('transparency.field.processingRecordUrl')} type="url" error={fieldErrors.processingRecordUrl} {...text('processingRecordUrl')} />
        <TextArea label={t('transparency.field.internalNotes')} hint={t('transparency.hint.internalNotes')} maxLength={10000} {...text('internalNotes')} />
      </fieldset>
      <fieldset>
        <legend>{t('transparency.form.publication')}</legend>
        <div className="checkbox">
          <input id="tp-published" type="checkbox" checked={form.published} onChange={(event) => setForm({ ...form, published: event.target.checked })} />
          <label htmlFor="tp-published">{t('transparency.field.publishedLong')}</label>
        </div>
        <CheckboxGroup
          legend={t('transparency.form.publicFields')}
          options={configurable.map((field) => ({ value: field, label: t(`transparency.field.${field}`) }))}
          value={publicFields}
          onChange={setPublicOverride}
        />
      </fieldset>
      <button type="submit" className="primary">
        {t('app.save')}
      </button>
    </form>
  );
}
