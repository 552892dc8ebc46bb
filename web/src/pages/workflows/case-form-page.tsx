import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { CaseFormField, toInput, type FormValues } from './case-form-fields';
import { CsvUpload } from './csv-upload';
import { pick, type CaseView, type Definition } from './workflow-types';
import './workflows.css';

/** A new case: the form comes from the definition; rules run at once, then the draft is generated. */
export default function CaseFormPage() {
  const { workflowId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { currentOrg } = useSession();
  const { data: definition, error: loadError } = useResource<Definition>(`/api/workflows/${encodeURIComponent(workflowId)}`);
  const [values, setValues] = useState<FormValues>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!definition || !currentOrg) return;
    setError(undefined);
    setBusy(true);
    try {
      const created = await api<CaseView>(`/api/orgs/${currentOrg.id}/workflow-cases`, {
        method: 'POST',
        body: { workflowId, input: toInput(definition.form.fields, values), source: 'form' },
      });
      navigate(`/vorgaenge/${created.id}`, { state: { submitted: true } });
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const title = definition ? t('workflows.form.title', { workflow: pick(definition.title, i18n.language) }) : t('workflows.form.titlePlain');
  return (
    <Page title={title} intro={definition ? pick(definition.description, i18n.language) : undefined}>
      <ErrorNotice error={loadError} />
      {definition ? (
        <>
          <p className="muted">{t('workflows.form.versionNote', { version: definition.version, roles: definition.approval.roles.map((role) => t(`workflows.role.${role}`)).join(', ') })}</p>
          <section aria-labelledby="case-form-heading">
            <h2 id="case-form-heading">{t('workflows.form.single')}</h2>
            <ErrorNotice error={error} />
            <form className="case-form" onSubmit={(event) => void submit(event)} noValidate>
              {definition.form.fields.map((field) => (
                <CaseFormField
                  key={field.name}
                  field={field}
                  value={values[field.name]}
                  error={fieldErrors[`input.${field.name}`]}
                  onChange={(next) => setValues((current) => ({ ...current, [field.name]: next }))}
                />
              ))}
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('workflows.form.submitting') : t('workflows.form.submit')}
              </button>
              {busy ? <Notice kind="info">{t('workflows.form.drafting')}</Notice> : null}
            </form>
          </section>
          <CsvUpload definition={definition} />
        </>
      ) : null}
    </Page>
  );
}
