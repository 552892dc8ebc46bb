import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSession } from '../../session/session-context';
import { GuidelinesForm } from './guidelines-form';
import { guidelineText, type Guidelines } from './workspace-api';
import './workspace.css';

type UseCase = { title: string; text: string };
type Section = { heading: string; items: string[] };

/** ACCESS-3: how to use the workspace well, with the organisation's rules and data-protection advice. */
export default function HelpPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const guidelines = useResource<Guidelines>(currentOrg ? `/api/workspace/guidelines/${currentOrg.id}` : undefined);
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  const data = guidelines.data;
  /** The organisation's items in the interface's language, or the shipped texts while it has none. */
  const items = (own: Guidelines['dos'], shippedKey: string): Rule[] =>
    data?.source === 'default' ? list(shippedKey).map((text) => ({ text, lang: i18n.language })) : own.map((item) => guidelineText(item, i18n.language));
  const editing = data?.canEdit && data.orgId === currentOrg?.id;
  const useCases = t('workspace.help.useCases', { returnObjects: true }) as UseCase[];
  const sections = t('workspace.help.sections', { returnObjects: true }) as Section[];
  return (
    <Page title={t('workspace.help.title')} intro={t('workspace.help.intro')}>
      <nav aria-labelledby="help-toc" className="toc">
        <h2 id="help-toc">{t('workspace.help.contents')}</h2>
        <ul>
          <li>
            <a href="#help-use-cases">{t('workspace.help.useCasesHeading')}</a>
          </li>
          <li>
            <a href="#help-rules">{t('workspace.help.rulesHeading')}</a>
          </li>
          {sections.map((section, index) => (
            <li key={section.heading}>
              <a href={`#help-section-${index}`}>{section.heading}</a>
            </li>
          ))}
          {editing ? (
            <li>
              <a href="#help-edit">{t('workspace.help.edit.heading')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <section aria-labelledby="help-use-cases">
        <h2 id="help-use-cases" tabIndex={-1}>
          {t('workspace.help.useCasesHeading')}
        </h2>
        <dl className="use-cases">
          {useCases.map((useCase) => (
            <div key={useCase.title}>
              <dt>{useCase.title}</dt>
              <dd>{useCase.text}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link to="/assistenten">{t('workspace.help.toAssistants')}</Link>
        </p>
      </section>
      <section aria-labelledby="help-rules">
        <h2 id="help-rules" tabIndex={-1}>
          {t('workspace.help.rulesHeading')}
        </h2>
        <p>{t('workspace.help.rulesIntro')}</p>
        <ErrorNotice error={guidelines.error} />
        {data ? (
          <>
            <p className="guidelines-source">{sourceLine(data, currentOrg?.name ?? '', i18n.language, t)}</p>
            {data.documentUrl ? (
              <p>
                <a href={data.documentUrl}>{t('workspace.help.documentLink')}</a>
              </p>
            ) : null}
            <div className="do-dont">
              <RuleList heading={t('workspace.help.doHeading')} className="do-list" items={items(data.dos, 'workspace.help.do')} />
              <RuleList heading={t('workspace.help.dontHeading')} className="dont-list" items={items(data.donts, 'workspace.help.dont')} />
              <RuleList heading={t('workspace.help.privacyHeading')} items={items(data.privacy, 'workspace.help.privacyDefault')} />
            </div>
          </>
        ) : guidelines.loading ? (
          <p className="muted">{t('workspace.help.loadingRules')}</p>
        ) : null}
      </section>
      {sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`help-section-${index}`}>
          <h2 id={`help-section-${index}`} tabIndex={-1}>
            {section.heading}
          </h2>
          <ul>
            {section.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      {editing ? (
        <section aria-labelledby="help-edit">
          <h2 id="help-edit" tabIndex={-1}>
            {t('workspace.help.edit.heading')}
          </h2>
          <GuidelinesForm key={data.orgId} guidelines={data} orgName={currentOrg?.name ?? ''} onSaved={guidelines.reload} />
        </section>
      ) : null}
      <p>
        <Link to="/meine-daten">{t('workspace.help.toMyData')}</Link>
      </p>
    </Page>
  );
}

type Rule = { text: string; lang: string };

/** One list of rules; a German sentence shown in the English interface is marked as German for screen readers. */
function RuleList({ heading, items, className }: { heading: string; items: Rule[]; className?: string }) {
  const { i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div>
      <h3>{heading}</h3>
      <ul className={className}>
        {items.map((item, index) => (
          <li key={index} lang={item.lang === i18n.language ? undefined : item.lang}>
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function sourceLine(data: Guidelines, org: string, language: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (data.source === 'default') return t('workspace.help.sourceDefault', { org });
  const date = formatDate(data.updatedAt, language);
  if (data.source === 'own') return t('workspace.help.sourceOwn', { org: data.setBy?.name ?? org, date });
  return t('workspace.help.sourceInherited', { from: data.setBy?.name ?? '', org, date });
}
