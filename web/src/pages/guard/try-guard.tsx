import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import type { WorkspaceModel } from '../workspace/workspace-api';
import { dataClasses, previewPrompt, type DataClass, type GuardPreview } from './guard-api';
import { HighlightedText, ReplacementList } from './guard-findings';

/** "Try it": what the saved settings do with a text for a model — nothing is sent to the model. */
export function TryGuard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const models = useResource<WorkspaceModel[]>(`/api/workspace/models?orgId=${orgId}`);
  const [model, setModel] = useState('');
  const [dataClass, setDataClass] = useState<DataClass>('internal');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ preview: GuardPreview; text: string }>();
  const [error, setError] = useState<unknown>();
  const chosen = model || models.data?.[0]?.id || '';

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setResult({ preview: await previewPrompt({ orgId, model: chosen, text, dataClass }), text });
    } catch (reason) {
      setResult(undefined);
      setError(reason);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guard.try.heading')}</h2>
      <p>{t('guard.try.intro')}</p>
      <form onSubmit={(event) => void check(event)} noValidate>
        <SelectField label={t('guard.try.model')} value={chosen} onChange={(event) => setModel(event.target.value)}>
          {(models.data ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name} · {t(`workspace.model.zone.${entry.zone}`, { defaultValue: entry.zone })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('guard.dataClass.label')} value={dataClass} onChange={(event) => setDataClass(event.target.value as DataClass)}>
          {dataClasses.map((entry) => (
            <option key={entry} value={entry}>
              {t(`guard.dataClass.${entry}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('guard.try.text')}</label>
          <textarea id={`${id}-text`} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <button type="submit" disabled={!chosen || !text.trim()}>
          {t('guard.try.check')}
        </button>
      </form>
      <ErrorNotice error={error ?? models.error} />
      <div aria-live="polite">
        {result ? (
          <>
            <Notice kind={result.preview.action === 'block' ? 'error' : 'info'}>
              <p>{t(`guard.try.action.${result.preview.action}`, { count: result.preview.findings.length })}</p>
              {result.preview.detail ? <p>{result.preview.detail}</p> : null}
            </Notice>
            {result.preview.findings.length > 0 ? <HighlightedText text={result.text} findings={result.preview.findings} label={t('guard.try.found')} /> : null}
            <ReplacementList text={result.text} findings={result.preview.findings} />
          </>
        ) : null}
      </div>
    </section>
  );
}
