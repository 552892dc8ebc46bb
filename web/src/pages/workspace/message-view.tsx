import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EnergyFigures } from './footprint';
import { Markdown } from './markdown';
import { withDisclosure, type Message } from './workspace-api';

type Props = {
  message: Message;
  /** The answer that is still arriving: no actions yet, marked busy for assistive technology. */
  streaming?: boolean;
  busy: boolean;
  canRegenerate: boolean;
  onEdit(message: Message, content: string): void;
  onRegenerate(): void;
};

export function MessageView({ message, streaming = false, busy, canRegenerate, onEdit, onRegenerate }: Props) {
  return message.role === 'user' ? <UserMessage message={message} busy={busy} onEdit={onEdit} /> : <Answer message={message} streaming={streaming} busy={busy} canRegenerate={canRegenerate} onRegenerate={onRegenerate} />;
}

function UserMessage({ message, busy, onEdit }: { message: Message; busy: boolean; onEdit: Props['onEdit'] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim()) return;
    setEditing(false);
    onEdit(message, draft);
  }

  return (
    <li className="message message-user">
      <article aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} className="visually-hidden">
          {t('workspace.chat.yourMessage')}
        </h3>
        {editing ? (
          <form onSubmit={submit} className="edit-form">
            <label htmlFor={`${id}-edit`}>{t('workspace.chat.editLabel')}</label>
            <textarea id={`${id}-edit`} value={draft} rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))} onChange={(event) => setDraft(event.target.value)} autoFocus />
            <div className="button-row">
              <button type="submit" className="primary" disabled={busy}>
                {t('workspace.chat.saveAndResend')}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t('app.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="user-text">{message.content}</p>
            {message.attachments.map((attachment) => (
              <img key={attachment.name} className="attachment-preview" src={attachment.dataUrl} alt={t('workspace.chat.attachedImage', { name: attachment.name })} />
            ))}
            <div className="message-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setDraft(message.content);
                  setEditing(true);
                }}
              >
                {t('workspace.chat.edit')}
              </button>
            </div>
          </>
        )}
      </article>
    </li>
  );
}

function Answer({ message, streaming, busy, canRegenerate, onRegenerate }: { message: Message; streaming: boolean; busy: boolean; canRegenerate: boolean; onRegenerate(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState('');
  const label = message.label ? message.label[i18n.language === 'en' ? 'en' : 'de'] : '';
  const sourceId = (n: number) => `${id}-source-${n}`;

  async function copy() {
    await navigator.clipboard?.writeText(withDisclosure(message.content, label));
    setCopied(t('workspace.chat.copied'));
  }

  return (
    <li className="message message-answer">
      <article aria-labelledby={`${id}-heading`} aria-busy={streaming || undefined}>
        <h3 id={`${id}-heading`} className="visually-hidden">
          {t('workspace.chat.answer')}
        </h3>
        {message.knowledgeOutcome === 'nothing_found' ? (
          // Read out by the chat's live region when it arrives; here it stays visible with the answer.
          <p className="notice notice-info knowledge-note">{t('workspace.chat.nothingFound')}</p>
        ) : null}
        <div className="answer-text">
          {message.content ? <Markdown text={message.content} options={{ citationHref: (n) => (message.citations.some((entry) => entry.n === n) ? `#${sourceId(n)}` : undefined) }} /> : null}
          {streaming ? <p className="muted typing">{t('workspace.chat.writing')}</p> : null}
        </div>
        {message.citations.length > 0 ? (
          <section aria-labelledby={`${id}-sources`} className="sources">
            <h4 id={`${id}-sources`}>{t('workspace.chat.sources')}</h4>
            <ol>
              {message.citations.map((citation) => (
                <li key={citation.n} id={sourceId(citation.n)} tabIndex={-1}>
                  {citation.url ? <a href={citation.url}>{citation.source}</a> : <span>{citation.source}</span>}
                  {citation.page ? `, ${t('workspace.chat.page', { page: citation.page })}` : ''}
                  {citation.section ? `, ${citation.section}` : ''}
                  <blockquote className="muted">{citation.excerpt}</blockquote>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {!streaming ? (
          <>
            <p className="ai-label">
              <span>{label}</span>
              {message.status !== 'complete' ? <strong> · {t(`workspace.chat.status.${message.status}`)}</strong> : null}
              {message.energyWh !== null ? (
                <span className="muted">
                  {' · '}
                  <EnergyFigures wh={message.energyWh} co2eGrams={message.co2eGrams} />
                </span>
              ) : null}
            </p>
            <div className="message-actions">
              <button type="button" onClick={() => void copy()} disabled={!message.content}>
                {t('workspace.chat.copyWithLabel')}
              </button>
              {canRegenerate ? (
                <button type="button" onClick={onRegenerate} disabled={busy}>
                  {t('workspace.chat.regenerate')}
                </button>
              ) : null}
              <span role="status" className="muted">
                {copied}
              </span>
            </div>
          </>
        ) : null}
      </article>
    </li>
  );
}
