import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import './workspace.css';

type Retention = { orgId: string; days: number | null; effectiveDays: number | null; inheritedFrom: { id: string; name: string } | null; maximumDays: number | null };

/** RIGHTS-2: see, take along and delete what the workspace keeps about me; retention of the organisation. */
export default function MyDataPage() {
  const { t } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const retention = useResource<Retention>(currentOrg ? `/api/workspace/retention/${currentOrg.id}` : undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  const id = useId();

  async function eraseAll(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    setError(undefined);
    try {
      const result = await api<{ conversations: number; clearedTexts: number; knowledge?: number }>('/api/workspace/my-data', { method: 'DELETE' });
      setNotice(t('workspace.myData.erased', { count: result.conversations, knowledge: result.knowledge ?? 0, texts: result.clearedTexts }));
      setConfirmed(false);
    } catch (reason) {
      setError(reason);
    }
  }

  const canManage = effectiveRoles.has('admin') || effectiveRoles.has('dpo');
  return (
    <Page title={t('workspace.myData.title')} intro={t('workspace.myData.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error} />
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('workspace.myData.exportHeading')}</h2>
        <p>{t('workspace.myData.exportText')}</p>
        <a className="button" href="/api/workspace/my-data" download>
          {t('workspace.myData.exportButton')}
        </a>
      </section>
      <section aria-labelledby={`${id}-retention`}>
        <h2 id={`${id}-retention`}>{t('workspace.myData.retentionHeading')}</h2>
        <ErrorNotice error={retention.error} />
        {retention.data ? <p>{retentionText(retention.data, currentOrg?.name ?? '', t)}</p> : null}
        <p className="muted">{t('workspace.myData.retentionGateway')}</p>
        {canManage && retention.data ? <RetentionForm retention={retention.data} onSaved={retention.reload} /> : null}
      </section>
      <section aria-labelledby={`${id}-erase`}>
        <h2 id={`${id}-erase`}>{t('workspace.myData.eraseHeading')}</h2>
        <p>{t('workspace.myData.eraseText')}</p>
        <form onSubmit={(event) => void eraseAll(event)}>
          <div className="checkbox">
            <input type="checkbox" id={`${id}-confirm`} checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            <label htmlFor={`${id}-confirm`}>{t('workspace.myData.eraseConfirm')}</label>
          </div>
          <button type="submit" className="danger" disabled={!confirmed}>
            {t('workspace.myData.eraseButton')}
          </button>
        </form>
      </section>
    </Page>
  );
}

function retentionText(retention: Retention, org: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (retention.effectiveDays === null) return t('workspace.myData.retentionNone', { org });
  if (retention.inheritedFrom) return t('workspace.myData.retentionInherited', { org, days: retention.effectiveDays, from: retention.inheritedFrom.name });
  return t('workspace.myData.retentionDays', { org, days: retention.effectiveDays });
}

function RetentionForm({ retention, onSaved }: { retention: Retention; onSaved(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [days, setDays] = useState(retention.days === null ? '' : String(retention.days));
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice('');
    try {
      await api(`/api/workspace/retention/${retention.orgId}`, { method: 'PUT', body: { days: days.trim() ? Number(days) : null } });
      setNotice(t('workspace.myData.retentionSaved'));
      onSaved();
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldError = error instanceof ApiError ? (error.fieldErrors.days ?? error.problem.detail) : undefined;
  return (
    <form onSubmit={(event) => void save(event)} className="panel retention-form">
      <h3>{t('workspace.myData.retentionSetting')}</h3>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('workspace.myData.retentionField')}</label>
        <p className="hint" id={`${id}-hint`}>
          {retention.maximumDays ? t('workspace.myData.retentionMax', { days: retention.maximumDays }) : t('workspace.myData.retentionHint')}
        </p>
        <input id={`${id}-days`} type="number" inputMode="numeric" min={1} max={retention.maximumDays ?? 3650} value={days} onChange={(event) => setDays(event.target.value)} aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`} aria-invalid={fieldError ? true : undefined} />
        {fieldError ? (
          <p id={`${id}-error`} className="field-error">
            {fieldError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="primary">
        {t('app.save')}
      </button>
    </form>
  );
}
