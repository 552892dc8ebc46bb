import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { formatDate, formatDateTime } from '../../i18n';

type Comment = { id: string; authorName: string; capacity: string; body: string; createdAt: string };
type Round = { id: string; invitation: string; opensAt: string; closesAt: string; state: 'upcoming' | 'open' | 'closed'; comments: (Comment & { replies: Comment[] })[] };

const capacities = ['member', 'staff', 'staff_representative'] as const;

function CommentForm({ useCaseId, parentId, canManage, onDone }: { useCaseId: string; parentId?: string; canManage: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [capacity, setCapacity] = useState<string>(canManage && parentId ? 'responsible' : 'member');
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSent(false);
    try {
      await api(`/api/transparency/use-cases/${useCaseId}/comments`, { method: 'POST', body: { body, capacity, ...(parentId ? { parentId } : {}) } });
      setBody('');
      setSent(true);
      onDone();
    } catch (reason) {
      setError(reason);
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="tp-form">
      <ErrorNotice error={error} />
      {sent ? <Notice kind="success">{t('transparency.participation.sent')}</Notice> : null}
      <SelectField label={t('transparency.participation.capacity')} value={capacity} onChange={(event) => setCapacity(event.target.value)}>
        {[...capacities, ...(canManage ? ['responsible'] : [])].map((value) => (
          <option key={value} value={value}>
            {t(`transparency.participation.capacities.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor={`${id}-body`}>{parentId ? t('transparency.participation.reply') : t('transparency.participation.comment')}</label>
        <textarea id={`${id}-body`} required value={body} maxLength={5000} onChange={(event) => setBody(event.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={body.trim() === ''}>
        {parentId ? t('transparency.participation.sendReply') : t('transparency.participation.send')}
      </button>
    </form>
  );
}

function CommentItem({ comment, language }: { comment: Comment; language: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        {comment.authorName} · {t(`transparency.participation.capacities.${comment.capacity}`)} · {formatDateTime(comment.createdAt, language)}
      </p>
      <p className="tp-prose">{comment.body}</p>
    </>
  );
}

/**
 * Participation (OPEN-5): the people responsible open a planned application for comments for a set
 * period; staff representatives and members comment; replies stay visible after the period.
 */
export function ParticipationPanel({ useCaseId, status, canManage }: { useCaseId: string; status: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useResource<Round[]>(`/api/transparency/use-cases/${useCaseId}/participation`);
  const [invitation, setInvitation] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [openError, setOpenError] = useState<unknown>();
  const running = (data ?? []).some((round) => round.state !== 'closed');

  async function open(event: FormEvent) {
    event.preventDefault();
    setOpenError(undefined);
    try {
      await api(`/api/transparency/use-cases/${useCaseId}/participation`, { method: 'POST', body: { invitation, closesAt: new Date(`${closesOn}T23:59:59`).toISOString() } });
      setInvitation('');
      reload();
    } catch (reason) {
      setOpenError(reason);
    }
  }

  async function close(roundId: string) {
    setOpenError(undefined);
    try {
      await api(`/api/transparency/use-cases/${useCaseId}/participation/${roundId}/close`, { method: 'POST' });
      reload();
    } catch (reason) {
      setOpenError(reason);
    }
  }

  return (
    <div>
      <ErrorNotice error={error ?? openError} />
      {data && data.length === 0 ? <p>{t('transparency.participation.none')}</p> : null}
      {(data ?? []).map((round, index) => (
        <article key={round.id} className="panel" aria-labelledby={`round-${round.id}`}>
          <h3 id={`round-${round.id}`}>
            {t('transparency.participation.roundTitle', { number: index + 1, from: formatDate(round.opensAt, i18n.language), to: formatDate(round.closesAt, i18n.language) })} –{' '}
            {t(`transparency.participation.state.${round.state}`)}
          </h3>
          <p className="tp-prose">{round.invitation}</p>
          {round.comments.length === 0 ? <p>{t('transparency.participation.noComments')}</p> : null}
          <ul className="tp-comments">
            {round.comments.map((comment) => (
              <li key={comment.id} className="tp-comment">
                <CommentItem comment={comment} language={i18n.language} />
                {comment.replies.length > 0 ? (
                  <ul className="tp-comments" aria-label={t('transparency.participation.replies')}>
                    {comment.replies.map((reply) => (
                      <li key={reply.id} className="tp-comment">
                        <CommentItem comment={reply} language={i18n.language} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {round.state === 'open' || (round.state === 'closed' && canManage) ? (
                  <details>
                    <summary>{t('transparency.participation.replyTo', { name: comment.authorName })}</summary>
                    <CommentForm useCaseId={useCaseId} parentId={comment.id} canManage={canManage} onDone={reload} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
          {round.state === 'open' ? (
            <>
              <h4>{t('transparency.participation.newComment')}</h4>
              <CommentForm useCaseId={useCaseId} canManage={canManage} onDone={reload} />
            </>
          ) : null}
          {canManage && round.state !== 'closed' ? (
            <button type="button" onClick={() => void close(round.id)}>
              {t('transparency.participation.closeRound')}
            </button>
          ) : null}
        </article>
      ))}
      {canManage && status === 'planned' && !running ? (
        <form onSubmit={(event) => void open(event)} className="tp-form">
          <h3>{t('transparency.participation.open')}</h3>
          <div className="field">
            <label htmlFor="tp-invitation">{t('transparency.participation.invitation')}</label>
            <textarea id="tp-invitation" required value={invitation} maxLength={2000} onChange={(event) => setInvitation(event.target.value)} />
          </div>
          <TextField label={t('transparency.participation.closesOn')} type="date" required value={closesOn} onChange={(event) => setClosesOn(event.target.value)} />
          <button type="submit" className="primary" disabled={!invitation.trim() || !closesOn}>
            {t('transparency.participation.openButton')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
