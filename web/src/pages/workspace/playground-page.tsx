import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { useGuardCheck } from './guard-preview';
import { Markdown } from './markdown';
import { ModelFacts } from './model-picker';
import { streamEvents, type Label, type WorkspaceModel } from './workspace-api';
import './workspace.css';

type Result = { latencyMs: number; ttftMs: number | null; tokensIn: number | null; tokensOut: number | null; energyWh: number | null; co2eGrams: number | null; label: Label | null };
type Column = { slot: number; modelId: string; name: string; text: string; result?: Result; error?: Problem };
type PlaygroundEvent =
  | { type: 'start'; slots: { slot: number; modelId: string; name: string }[] }
  | { type: 'delta'; slot: number; text: string }
  | { type: 'done'; slot: number; result: Result }
  | { type: 'error'; slot: number; error: Problem };

/** WORK-4: a safe place to try one prompt on two or three allowed models side by side. */
export default function PlaygroundPage() {
  const { t, i18n } = useTranslation();
  const { session, currentOrg } = useSession();
  const models = useResource<WorkspaceModel[]>(currentOrg ? `/api/workspace/models?orgId=${currentOrg.id}` : undefined);
  const [chosen, setChosen] = useState<string[]>([]);
  const [prompt, setPrompt] = useState('');
  const [system, setSystem] = useState('');
  const [columns, setColumns] = useState<Column[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const controller = useRef<AbortController | undefined>(undefined);
  const id = useId();
  const guard = useGuardCheck();
  const number = (value: number, digits = 2) => formatNumber(value, i18n.language, { maximumSignificantDigits: digits });

  function toggle(modelId: string, on: boolean) {
    setChosen((current) => (on ? [...current, modelId] : current.filter((entry) => entry !== modelId)));
  }

  async function compare(event: FormEvent) {
    event.preventDefault();
    if (running) {
      controller.current?.abort();
      return;
    }
    if (chosen.length < 2 || chosen.length > 3 || !prompt.trim() || !currentOrg) return;
    setError(undefined);
    // Each model outside the own servers: show what the guard replaces (or why it refuses) before anything is sent.
    for (const model of usable.filter((entry) => chosen.includes(entry.id))) {
      const allowed = await guard.confirm({ orgId: currentOrg.id, model, text: prompt, dataClass: 'internal', context: system.trim() ? [system] : [] }).catch((reason: unknown) => (setError(reason), false));
      if (!allowed) return;
    }
    setColumns([]);
    setRunning(true);
    setStatus(t('workspace.playground.running', { count: chosen.length }));
    const abort = new AbortController();
    controller.current = abort;
    try {
      await streamEvents<PlaygroundEvent>('/api/workspace/playground', { orgId: currentOrg.id, prompt, modelIds: chosen, ...(system.trim() ? { system } : {}) }, session?.csrfToken, abort.signal, (event) => {
        if (event.type === 'start') setColumns(event.slots.map((slot) => ({ ...slot, text: '' })));
        else if (event.type === 'delta') setColumns((current) => current.map((column) => (column.slot === event.slot ? { ...column, text: column.text + event.text } : column)));
        else if (event.type === 'done') {
          setColumns((current) => current.map((column) => (column.slot === event.slot ? { ...column, result: event.result } : column)));
          setStatus(t('workspace.playground.oneDone', { seconds: number(event.result.latencyMs / 1000) }));
        } else if (event.type === 'error') setColumns((current) => current.map((column) => (column.slot === event.slot ? { ...column, error: event.error } : column)));
      });
      setStatus(t('workspace.playground.allDone'));
    } catch (reason) {
      if (!abort.signal.aborted) setError(reason);
      else setStatus(t('workspace.playground.stopped'));
    } finally {
      controller.current = undefined;
      setRunning(false);
    }
  }

  const usable = models.data ?? [];
  const tooMany = chosen.length > 3;
  return (
    <Page title={t('workspace.playground.title')} intro={t('workspace.playground.intro')}>
      <ErrorNotice error={error ?? models.error} />
      <form onSubmit={(event) => void compare(event)} className="playground-form">
        <fieldset className="field">
          <legend>{t('workspace.playground.models')}</legend>
          <p className="hint" id={`${id}-models-hint`}>
            {t('workspace.playground.modelsHint')}
          </p>
          {usable.map((model) => (
            <div key={model.id} className="checkbox model-choice">
              <input type="checkbox" id={`${id}-${model.id}`} checked={chosen.includes(model.id)} onChange={(event) => toggle(model.id, event.target.checked)} aria-describedby={`${id}-${model.id}-facts`} />
              <label htmlFor={`${id}-${model.id}`}>{model.name}</label>
              <span id={`${id}-${model.id}-facts`} className="hint">
                <ModelFacts model={model} />
              </span>
            </div>
          ))}
          {tooMany ? <p className="field-error">{t('workspace.playground.tooMany')}</p> : null}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-prompt`}>{t('workspace.playground.prompt')}</label>
          <textarea id={`${id}-prompt`} rows={4} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
        </div>
        <details>
          <summary>{t('workspace.playground.systemSummary')}</summary>
          <div className="field">
            <label htmlFor={`${id}-system`}>{t('workspace.playground.system')}</label>
            <textarea id={`${id}-system`} rows={3} value={system} onChange={(event) => setSystem(event.target.value)} />
          </div>
        </details>
        <button type="submit" className={running ? undefined : 'primary'} disabled={!running && (chosen.length < 2 || tooMany || !prompt.trim())}>
          {running ? t('workspace.playground.stop') : t('workspace.playground.compare')}
        </button>
      </form>
      {guard.dialog}
      <div role="status" className="visually-hidden">
        {status}
      </div>
      {columns.length > 0 ? (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('workspace.playground.results')}</h2>
          <div className="comparison">
            {columns.map((column) => (
              <article key={column.slot} className="comparison-column" aria-labelledby={`${id}-col-${column.slot}`} aria-busy={(!column.result && !column.error) || undefined}>
                <h3 id={`${id}-col-${column.slot}`}>{column.name}</h3>
                {column.error ? <Notice kind="error">{new ApiError(column.error).problem.detail}</Notice> : null}
                <div className="answer-text">{column.text ? <Markdown text={column.text} /> : null}</div>
                {column.result ? (
                  <>
                    <p className="ai-label">{column.result.label?.[i18n.language === 'en' ? 'en' : 'de']}</p>
                    <table className="metrics">
                      <caption className="visually-hidden">{t('workspace.playground.metricsFor', { name: column.name })}</caption>
                      <tbody>
                        <tr>
                          <th scope="row">{t('workspace.playground.latency')}</th>
                          <td>{t('workspace.playground.seconds', { value: number(column.result.latencyMs / 1000) })}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('workspace.playground.ttft')}</th>
                          <td>{column.result.ttftMs === null ? '–' : t('workspace.playground.seconds', { value: number(column.result.ttftMs / 1000) })}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('workspace.playground.tokens')}</th>
                          <td>{t('workspace.playground.tokensValue', { input: column.result.tokensIn ?? '–', output: column.result.tokensOut ?? '–' })}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('workspace.playground.energy')}</th>
                          <td>{column.result.energyWh === null ? '–' : `${number(column.result.energyWh)} Wh`}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('workspace.playground.co2')}</th>
                          <td>{column.result.co2eGrams === null ? '–' : `${number(column.result.co2eGrams)} g`}</td>
                        </tr>
                      </tbody>
                    </table>
                  </>
                ) : null}
              </article>
            ))}
          </div>
        </section>
      ) : null}
    </Page>
  );
}
