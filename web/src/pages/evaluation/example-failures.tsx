import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { localized, type ExampleFailure, type StoredResponse } from './evaluation-types';

/** The stored prompts and answers of one failed item, loaded when it is opened. */
function Exchanges({ runId, itemId }: { runId: string; itemId: string }) {
  const { t } = useTranslation();
  const { data, error } = useResource<StoredResponse[]>(`/api/evaluation/runs/${runId}/responses?itemId=${encodeURIComponent(itemId)}`);
  if (!data) return error ? <ErrorNotice error={error} /> : <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      {data.map((exchange) => {
        const prompt = exchange.messages.filter((message) => message.role !== 'system').at(-1)?.content ?? '';
        return (
          <div key={exchange.variant} className="evaluation-exchange">
            {data.length > 1 ? <p className="muted">{t('evaluation.report.variant', { variant: exchange.variant })}</p> : null}
            <p className="evaluation-exchange-label">{t('evaluation.report.prompt')}</p>
            <pre>{prompt}</pre>
            <p className="evaluation-exchange-label">{t('evaluation.report.response')}</p>
            <pre>{exchange.status === 'ok' ? exchange.response : (exchange.error ?? t('evaluation.report.noResponse'))}</pre>
          </div>
        );
      })}
    </>
  );
}

function Failure({ runId, failure, initiallyOpen }: { runId: string; failure: ExampleFailure; initiallyOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <code>{failure.itemId}</code> ({t(`evaluation.method.${failure.method}`, { defaultValue: failure.method })}, {t(`evaluation.language.${failure.language}`)}
          {failure.biased ? `, ${t('evaluation.report.biased')}` : ''}): {localized(failure.explanation, i18n.language)}
        </summary>
        {open ? <Exchanges runId={runId} itemId={failure.itemId} /> : null}
      </details>
    </li>
  );
}

/** Examples of failed items per category: what was asked, what the model answered, why it failed. */
export function ExampleFailures({ runId, failures, open }: { runId: string; failures: ExampleFailure[]; open: boolean }) {
  const { t } = useTranslation();
  if (failures.length === 0) return <p>{t('evaluation.report.noFailures')}</p>;
  return (
    <ul className="evaluation-failures">
      {failures.map((failure, index) => (
        <Failure key={failure.itemId} runId={runId} failure={failure} initiallyOpen={open && index === 0} />
      ))}
    </ul>
  );
}
