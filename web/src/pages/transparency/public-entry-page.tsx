import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { AssessmentView } from './assessment-view';
import { RiskBadge, StatusText } from './badges';
import { useSay, useVocabulary, type Assessment, type PublicEntry, type PublicIncident } from './transparency-types';

type EntryDetail = {
  entry: PublicEntry;
  organisation: { slug: string; name: string };
  assessment: (Assessment & { version: number; questionnaireVersion: string; assessedAt: string }) | null;
  participation: { opensAt: string; closesAt: string; state: 'upcoming' | 'open' | 'closed'; comments: number }[];
  incidents: PublicIncident[];
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="tp-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Prose({ value }: { value: string | undefined | null }) {
  return value ? <p className="tp-prose">{value}</p> : null;
}

/** One register entry for the public: only the fields the organisation publishes, printable. */
export default function PublicEntryPage() {
  const { useCaseId } = useParams();
  const { t, i18n } = useTranslation();
  const say = useSay();
  const vocabulary = useVocabulary();
  const { data, error } = useResource<EntryDetail>(`/api/public/transparency/register/${useCaseId}`);
  if (error) {
    return (
      <Page title={t('transparency.entry.notFound')}>
        <ErrorNotice error={error} />
        <p>
          <Link to="/transparenz">{t('transparency.entry.back')}</Link>
        </p>
      </Page>
    );
  }
  if (!data) return <p role="status">{t('app.loading')}</p>;
  const { entry } = data;
  const date = (value: string | null | undefined) => formatDate(value, i18n.language);
  const label = (list: Record<string, { de: string; en: string }> | undefined, id: string) => (list?.[id] ? say(list[id]) : id);

  return (
    <Page
      title={entry.name}
      intro={entry.summary}
      actions={
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('transparency.entry.print')}
        </button>
      }
    >
      <p className="no-print">
        <Link to="/transparenz">{t('transparency.entry.back')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('transparency.field.organisation')}</dt>
        <dd>{entry.organisation}</dd>
        {entry.department ? (
          <>
            <dt>{t('transparency.field.department')}</dt>
            <dd>{entry.department}</dd>
          </>
        ) : null}
        <dt>{t('transparency.field.status')}</dt>
        <dd>
          <StatusText status={entry.status} />
        </dd>
        <dt>{t('transparency.field.risk')}</dt>
        <dd>
          <RiskBadge riskClass={entry.risk?.riskClass} />
        </dd>
        <dt>{t('transparency.field.impactful')}</dt>
        <dd>{entry.impactful ? t('app.yes') : t('app.no')}</dd>
        {entry.policyAreas && entry.policyAreas.length > 0 ? (
          <>
            <dt>{t('transparency.field.policyAreas')}</dt>
            <dd>{entry.policyAreas.map((area) => label(vocabulary?.policyAreas, area)).join(', ')}</dd>
          </>
        ) : null}
        {entry.startedOn ? (
          <>
            <dt>{t('transparency.field.startedOn')}</dt>
            <dd>{date(entry.startedOn)}</dd>
          </>
        ) : null}
        {entry.retiredOn ? (
          <>
            <dt>{t('transparency.field.retiredOn')}</dt>
            <dd>{date(entry.retiredOn)}</dd>
          </>
        ) : null}
        {entry.responsiblePerson ? (
          <>
            <dt>{t('transparency.field.responsiblePerson')}</dt>
            <dd>
              {entry.responsiblePerson.name}
              {entry.responsiblePerson.role ? `, ${entry.responsiblePerson.role}` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t('transparency.field.contact')}</dt>
        <dd>{entry.contact.includes('@') ? <a href={`mailto:${entry.contact}`}>{entry.contact}</a> : <a href={entry.contact}>{entry.contact}</a>}</dd>
        <dt>{t('transparency.field.updatedAt')}</dt>
        <dd>{date(entry.updatedAt)}</dd>
      </dl>

      <Section id="tp-purpose" title={t('transparency.field.purpose')}>
        <Prose value={entry.purpose} />
      </Section>
      {entry.affectedPeople ? (
        <Section id="tp-affected" title={t('transparency.field.affectedPeople')}>
          {entry.affectedPeople.groups.length > 0 ? <p>{entry.affectedPeople.groups.map((group) => label(vocabulary?.affectedGroups, group)).join(', ')}</p> : null}
          <Prose value={entry.affectedPeople.description} />
        </Section>
      ) : null}
      {entry.models && entry.models.length > 0 ? (
        <Section id="tp-models" title={t('transparency.field.models')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('transparency.field.modelName')}</th>
                <th scope="col">{t('transparency.field.modelVersion')}</th>
                <th scope="col">{t('transparency.field.modelProvider')}</th>
              </tr>
            </thead>
            <tbody>
              {entry.models.map((model, index) => (
                <tr key={index}>
                  <th scope="row">{model.name}</th>
                  <td>{model.version ?? '–'}</td>
                  <td>{model.provider}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Prose value={entry.technicalDescription} />
        </Section>
      ) : entry.technicalDescription ? (
        <Section id="tp-technical" title={t('transparency.field.technicalDescription')}>
          <Prose value={entry.technicalDescription} />
        </Section>
      ) : null}
      {entry.dataCategories || entry.dataDescription ? (
        <Section id="tp-data" title={t('transparency.field.data')}>
          {entry.dataCategories && entry.dataCategories.length > 0 ? <p>{entry.dataCategories.map((category) => label(vocabulary?.dataCategories, category)).join('; ')}</p> : null}
          <Prose value={entry.dataDescription} />
        </Section>
      ) : null}
      {entry.humanOversight ? (
        <Section id="tp-oversight" title={t('transparency.field.humanOversight')}>
          <Prose value={entry.humanOversight} />
        </Section>
      ) : null}
      {entry.fundamentalRightsImpact ? (
        <Section id="tp-rights" title={t('transparency.field.fundamentalRightsImpact')}>
          <Prose value={entry.fundamentalRightsImpact} />
        </Section>
      ) : null}
      {entry.riskManagement ? (
        <Section id="tp-riskmanagement" title={t('transparency.field.riskManagement')}>
          <Prose value={entry.riskManagement} />
        </Section>
      ) : null}
      <Section id="tp-assessment" title={t('transparency.entry.assessment')}>
        {data.assessment ? (
          <>
            <p className="muted">
              {t('transparency.entry.assessedAt', { date: date(data.assessment.assessedAt), version: data.assessment.questionnaireVersion })}
            </p>
            <AssessmentView assessment={data.assessment} />
          </>
        ) : (
          <p>{t('transparency.entry.notAssessed')}</p>
        )}
      </Section>
      {entry.legalBasis || (entry.legalBasisLinks && entry.legalBasisLinks.length > 0) ? (
        <Section id="tp-legal" title={t('transparency.field.legalBasis')}>
          <Prose value={entry.legalBasis} />
          <LinkList links={entry.legalBasisLinks} />
        </Section>
      ) : null}
      <Section id="tp-participation" title={t('transparency.entry.participation')}>
        {data.participation.length === 0 ? (
          <p>{t('transparency.entry.noParticipation')}</p>
        ) : (
          <ul>
            {data.participation.map((round) => (
              <li key={round.opensAt}>
                {t('transparency.entry.round', { from: date(round.opensAt), to: date(round.closesAt), count: round.comments })} ({t(`transparency.participation.state.${round.state}`)})
              </li>
            ))}
          </ul>
        )}
      </Section>
      {entry.evaluations && entry.evaluations.length > 0 ? (
        <Section id="tp-evaluations" title={t('transparency.field.evaluations')}>
          <ul>
            {entry.evaluations.map((evaluation) => (
              <li key={evaluation.url}>
                {label(vocabulary?.evaluationKinds, evaluation.kind)}: <a href={evaluation.url}>{evaluation.title}</a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {data.incidents.length > 0 || (entry.incidents && entry.incidents.length > 0) ? (
        <Section id="tp-incidents" title={t('transparency.field.incidents')}>
          {data.incidents.map((incident) => (
            <article key={incident.id} className="tp-comment">
              <h3>{say(incident.title)}</h3>
              <p className="muted">
                {date(incident.publishedAt)} – {t(`transparency.incidents.status.${incident.status}`)}
              </p>
              <p>{say(incident.summary)}</p>
              {incident.correction ? <p>{t('transparency.incidents.correction', { text: say(incident.correction) })}</p> : null}
            </article>
          ))}
          <LinkList links={entry.incidents} />
        </Section>
      ) : null}
      {entry.publicPageUrl || entry.sourceCodeUrl || entry.processingRecordUrl ? (
        <Section id="tp-links" title={t('transparency.entry.links')}>
          <ul>
            {entry.publicPageUrl ? (
              <li>
                <a href={entry.publicPageUrl}>{t('transparency.field.publicPageUrl')}</a>
              </li>
            ) : null}
            {entry.sourceCodeUrl ? (
              <li>
                <a href={entry.sourceCodeUrl}>{t('transparency.field.sourceCodeUrl')}</a>
              </li>
            ) : null}
            {entry.processingRecordUrl ? (
              <li>
                <a href={entry.processingRecordUrl}>{t('transparency.field.processingRecordUrl')}</a>
              </li>
            ) : null}
          </ul>
        </Section>
      ) : null}
    </Page>
  );
}

function LinkList({ links }: { links: { title: string; url: string }[] | undefined }) {
  if (!links || links.length === 0) return null;
  return (
    <ul>
      {links.map((link) => (
        <li key={link.url}>
          <a href={link.url}>{link.title}</a>
        </li>
      ))}
    </ul>
  );
}
