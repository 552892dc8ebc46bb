import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, Notice } from '../../components/notice';
import { AssessmentView } from './assessment-view';
import { useSay, type Assessment, type Text } from './transparency-types';

type Answers = Record<string, string | string[]>;
type Option = { value: string; label: Text; help?: Text; article?: string; exclusive?: boolean };
type Question = { id: string; kind: 'single' | 'multiple'; prompt: Text; help: Text; articles: string[]; options: Option[] };
type Step = { answers: Answers; applicable: string[]; next: Question | null; assessment: Assessment | null; questionnaireVersion: string };

/**
 * The AI-Act wizard (OPEN-2), one question at a time. The server decides which question comes next
 * and classifies; answers the flow no longer asks for are dropped when an earlier answer changes.
 */
export function RiskWizard({ useCaseId, initialAnswers, onSaved }: { useCaseId: string; initialAnswers: Answers; onSaved(): void }) {
  const { t } = useTranslation();
  const say = useSay();
  const id = useId();
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [step, setStep] = useState<Step>();
  const [choice, setChoice] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const evaluate = useCallback(async (next: Answers, keep?: string[]) => {
    setError(undefined);
    try {
      const result = await api<Step>('/api/transparency/risk/evaluate', { method: 'POST', body: { answers: next } });
      setAnswers(result.answers);
      setStep(result);
      const current = result.next ? result.answers[result.next.id] : undefined;
      setChoice(keep ?? (current === undefined ? [] : Array.isArray(current) ? current : [current]));
    } catch (reason) {
      setError(reason);
    }
  }, []);

  useEffect(() => {
    void evaluate(initialAnswers);
  }, [evaluate, initialAnswers]);
  useEffect(() => {
    if (step) heading.current?.focus();
  }, [step]);

  const answeredInOrder = step ? step.applicable.filter((questionId) => step.answers[questionId] !== undefined) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!step?.next || choice.length === 0) return;
    const value = step.next.kind === 'single' ? choice[0]! : choice;
    void evaluate({ ...answers, [step.next.id]: value });
  }

  function back() {
    const last = answeredInOrder.at(-1);
    if (!last) return;
    const { [last]: removed, ...rest } = answers;
    void evaluate(rest, removed === undefined ? [] : Array.isArray(removed) ? removed : [removed]);
  }

  function toggle(option: Option, checked: boolean) {
    if (!step?.next) return;
    if (step.next.kind === 'single') return setChoice([option.value]);
    if (!checked) return setChoice(choice.filter((value) => value !== option.value));
    const exclusive = step.next.options.filter((candidate) => candidate.exclusive).map((candidate) => candidate.value);
    setChoice(option.exclusive ? [option.value] : [...choice.filter((value) => !exclusive.includes(value)), option.value]);
  }

  async function save() {
    setError(undefined);
    try {
      await api(`/api/transparency/use-cases/${useCaseId}/assessments`, { method: 'POST', body: { answers } });
      setSaved(true);
      onSaved();
    } catch (reason) {
      setError(reason);
    }
  }

  if (!step) return <p role="status">{t('app.loading')}</p>;
  const question = step.next;
  return (
    <div className="tp-wizard">
      <ErrorNotice error={error} />
      {saved ? <Notice kind="success">{t('transparency.wizard.saved')}</Notice> : null}
      {question ? (
        <form onSubmit={submit}>
          <p className="muted" role="status">
            {t('transparency.wizard.progress', { current: answeredInOrder.length + 1, total: step.applicable.length })}
          </p>
          <fieldset aria-describedby={`${id}-help`}>
            <legend>
              <h3 ref={heading} tabIndex={-1} className="tp-question">
                {say(question.prompt)}
              </h3>
            </legend>
            <p id={`${id}-help`} className="hint">
              {say(question.help)} {question.articles.length > 0 ? `(${question.articles.join(', ')})` : ''}
            </p>
            {question.options.map((option) => {
              const optionId = `${id}-${option.value}`;
              return (
                <div key={option.value} className="option">
                  <input
                    id={optionId}
                    type={question.kind === 'single' ? 'radio' : 'checkbox'}
                    name={question.id}
                    value={option.value}
                    checked={choice.includes(option.value)}
                    onChange={(event) => toggle(option, event.target.checked)}
                    aria-describedby={option.help ? `${optionId}-help` : undefined}
                  />
                  <div>
                    <label htmlFor={optionId}>
                      {say(option.label)}
                      {option.article ? <span className="muted"> ({option.article})</span> : null}
                    </label>
                    {option.help ? (
                      <div id={`${optionId}-help`} className="hint">
                        {say(option.help)}
                      </div>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </fieldset>
          <div className="button-row">
            <button type="button" onClick={back} disabled={answeredInOrder.length === 0}>
              {t('transparency.wizard.back')}
            </button>
            <button type="submit" className="primary" disabled={choice.length === 0}>
              {t('transparency.wizard.next')}
            </button>
          </div>
        </form>
      ) : step.assessment ? (
        <div>
          <h3 ref={heading} tabIndex={-1}>
            {t('transparency.wizard.result')}
          </h3>
          <AssessmentView assessment={step.assessment} headingLevel={4} />
          <div className="button-row">
            <button type="button" onClick={back}>
              {t('transparency.wizard.back')}
            </button>
            <button type="button" className="primary" onClick={() => void save()} disabled={saved}>
              {t('transparency.wizard.save')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
