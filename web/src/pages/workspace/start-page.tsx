import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { SetupPanel } from '../registry/setup-panel';
import { guidelineText, type AssistantListing, type Conversation, type GuidelineItem, type Guidelines } from './workspace-api';
import './workspace.css';

/** The home page for staff: start a chat, pick an assistant, go on with a recent conversation. */
export default function StartPage() {
  const { t, i18n } = useTranslation();
  const { session, currentOrg } = useSession();
  const assistants = useResource<AssistantListing>(currentOrg ? `/api/workspace/assistants?orgId=${currentOrg.id}` : undefined);
  const recent = useResource<Conversation[]>('/api/workspace/conversations');
  const guidelines = useResource<Guidelines>(currentOrg ? `/api/workspace/guidelines/${currentOrg.id}` : undefined);
  const available = (assistants.data?.assistants ?? []).filter((assistant) => assistant.available);
  // The first-run guide (no model yet, providers to connect) is for administrators of the root organisation.
  const rootAdmin = !!session?.orgs?.some((org) => !org.parentId && org.roles.includes('admin'));

  return (
    <Page title={t('home.title', { name: session?.user?.displayName ?? '' })} intro={t('workspace.start.intro')}>
      {rootAdmin ? <SetupPanel /> : null}
      <p>
        <Link to="/chat" className="button primary">
          {t('workspace.start.newChat')}
        </Link>{' '}
        <Link to="/modellvergleich" className="button">
          {t('workspace.start.compare')}
        </Link>
      </p>
      <ErrorNotice error={assistants.error} />
      <section aria-labelledby="start-assistants">
        <h2 id="start-assistants">{t('workspace.start.assistants')}</h2>
        <p className="muted">{t('workspace.start.assistantsIntro')}</p>
        {assistants.loading ? <p role="status">{t('app.loading')}</p> : null}
        <ul className="card-list">
          {available.map((assistant) => (
            <li key={assistant.id} className="card assistant-card">
              <h3>{assistant.name}</h3>
              <p>{assistant.description}</p>
              {/* An explicit name: Chromium reads a visually hidden span as a separate word ("Verwenden : …"). */}
              <Link to={`/chat?assistent=${assistant.id}`} aria-label={`${t('workspace.start.use')}: ${assistant.name}`}>
                {t('workspace.start.use')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {recent.data && recent.data.length > 0 ? (
        <section aria-labelledby="start-recent">
          <h2 id="start-recent">{t('workspace.start.recent')}</h2>
          <ul className="recent-list">
            {recent.data.slice(0, 5).map((conversation) => (
              <li key={conversation.id}>
                <Link to={`/chat?c=${conversation.id}`}>{conversation.title || t('workspace.chat.untitled')}</Link> <span className="muted">{formatDateTime(conversation.updatedAt, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="start-rules">
        <h2 id="start-rules">{t('workspace.start.rules')}</h2>
        <RulesInShort guidelines={guidelines.data} loading={guidelines.loading} />
      </section>
    </Page>
  );
}

/** How many do's and don'ts of the organisation's guidelines the start page shows; the help page has them all. */
const SHOWN_RULES = 3;

/**
 * The organisation's AI guidelines in short (its own or a parent's): the first do's and don'ts, with
 * the way to all of them. Leitplanke's shipped sentences while it has none or they cannot be loaded.
 */
function RulesInShort({ guidelines, loading }: { guidelines: Guidelines | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  if (loading && !guidelines) return <p className="muted">{t('workspace.help.loadingRules')}</p>;
  const own = guidelines && guidelines.source !== 'default' && guidelines.dos.length + guidelines.donts.length > 0 ? guidelines : undefined;
  if (!own) {
    return (
      <>
        <ul>
          {(t('workspace.start.ruleList', { returnObjects: true }) as string[]).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <p>
          <Link to="/hilfe">{t('workspace.start.moreHelp')}</Link>
        </p>
      </>
    );
  }
  const list = (heading: string, items: GuidelineItem[], className: string) =>
    items.length > 0 ? (
      <div>
        <h3>{heading}</h3>
        <ul className={className}>
          {items.slice(0, SHOWN_RULES).map((item, index) => {
            const shown = guidelineText(item, i18n.language);
            // A German sentence in the English interface is marked as German (WCAG 3.1.2).
            return (
              <li key={index} lang={shown.lang === i18n.language ? undefined : shown.lang}>
                {shown.text}
              </li>
            );
          })}
        </ul>
      </div>
    ) : null;
  return (
    <>
      <p className="muted">{t('workspace.start.rulesFrom', { org: own.setBy?.name ?? '' })}</p>
      <div className="do-dont">
        {list(t('workspace.help.doHeading'), own.dos, 'do-list')}
        {list(t('workspace.help.dontHeading'), own.donts, 'dont-list')}
      </div>
      <p>
        <Link to="/hilfe">{t('workspace.start.allRules')}</Link>
      </p>
    </>
  );
}
