import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n';
import type { Conversation } from './workspace-api';

/** My conversations with a full-text search; the open one is marked for screen readers too (aria-current). */
export function ConversationList({ conversations, currentId, search, onSearch }: { conversations: Conversation[] | undefined; currentId: string | undefined; search: string; onSearch(query: string): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(search);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(query.trim());
  }

  return (
    <div className="chat-sidebar">
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('workspace.chat.conversations')}
      </h2>
      <Link to="/chat" className="button primary new-chat">
        {t('workspace.chat.newConversation')}
      </Link>
      <form role="search" onSubmit={submit} className="conversation-search">
        <label htmlFor={`${id}-search`}>{t('workspace.chat.search')}</label>
        <div className="search-row">
          <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="submit">{t('workspace.chat.searchButton')}</button>
        </div>
      </form>
      <nav aria-label={t('workspace.chat.conversations')}>
        <p role="status" className="muted">
          {conversations === undefined ? t('app.loading') : search ? t('workspace.chat.searchResults', { count: conversations.length, query: search }) : conversations.length === 0 ? t('workspace.chat.noConversations') : ''}
        </p>
        <ul className="conversation-list">
          {(conversations ?? []).map((conversation) => (
            <li key={conversation.id}>
              <Link to={`/chat?c=${conversation.id}`} aria-current={conversation.id === currentId ? 'page' : undefined}>
                <span className="conversation-title">{conversation.title || t('workspace.chat.untitled')}</span>
                <span className="muted conversation-date">{formatDateTime(conversation.updatedAt, i18n.language)}</span>
                {conversation.snippet ? <span className="muted conversation-snippet">{conversation.snippet}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
