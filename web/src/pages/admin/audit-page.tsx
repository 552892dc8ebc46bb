import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';

type Entry = { seq: number; occurredAt: string; actorLabel: string | null; action: string; targetType: string | null; targetId: string | null };
type Verification = { ok: true; checked: number } | { ok: false; checked: number; firstBroken: { seq: number; problem: string } };

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, session } = useSession();
  const { data: entries, error } = useResource<Entry[]>(currentOrg ? `/api/orgs/${currentOrg.id}/audit?limit=200` : undefined);
  const [verification, setVerification] = useState<Verification>();
  const [verifyError, setVerifyError] = useState<unknown>();
  const atRoot = !!currentOrg && !currentOrg.parentId && !!session?.orgs?.some((org) => org.id === currentOrg.id && org.roles.some((role) => role === 'admin' || role === 'dpo'));

  return (
    <Page
      title={t('audit.title')}
      intro={t('audit.intro')}
      actions={
        atRoot ? (
          <button
            type="button"
            onClick={() => {
              setVerifyError(undefined);
              api<Verification>('/api/audit/verify').then(setVerification, setVerifyError);
            }}
          >
            {t('audit.verify')}
          </button>
        ) : undefined
      }
    >
      {verification?.ok === true ? <Notice kind="success">{t('audit.intact', { count: verification.checked })}</Notice> : null}
      {verification?.ok === false ? <Notice kind="error">{t('audit.broken', { seq: verification.firstBroken.seq, problem: verification.firstBroken.problem })}</Notice> : null}
      <ErrorNotice error={error ?? verifyError} />
      {entries && entries.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.seq}</td>
                  <td>{formatDateTime(entry.occurredAt, i18n.language)}</td>
                  <td>{entry.actorLabel}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.targetType ? `${entry.targetType} ${entry.targetId?.slice(0, 8) ?? ''}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
