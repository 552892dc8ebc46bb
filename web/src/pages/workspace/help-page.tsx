import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import './workspace.css';

type UseCase = { title: string; text: string };
type Section = { heading: string; items: string[] };

/** ACCESS-3: how to use the workspace well, with the organisation's rules and data-protection advice. */
export default function HelpPage() {
  const { t } = useTranslation();
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
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
        <div className="do-dont">
          <div>
            <h3>{t('workspace.help.doHeading')}</h3>
            <ul className="do-list">
              {list('workspace.help.do').map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t('workspace.help.dontHeading')}</h3>
            <ul className="dont-list">
              {list('workspace.help.dont').map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        </div>
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
      <p>
        <Link to="/meine-daten">{t('workspace.help.toMyData')}</Link>
      </p>
    </Page>
  );
}
