import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { formatDate, formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { formatBytes, TextAreaField, today } from './accountability-shared';
import { severities, type IncidentDetail as Detail, type IncidentEvent } from './incident-types';

/** One incident: triage with severity, correction actions with owners and due dates, lessons learned, public summary, timeline. */
export function IncidentDetail({ orgId, incident, onChanged }: { orgId: string; incident: Detail; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [error, setError] = useState<unknown>();
  const [triage, setTriage] = useState({ severity: incident.severity ?? 'medium', modelId: incident.modelId ?? '', note: '' });
  const [action, setAction] = useState({ description: '', ownerEmail: '', dueDate: '' });
  const [resolution, setResolution] = useState({ correction: '', lessonsLearned: '' });
  const [publication, setPublication] = useState({
    publicTitle: incident.publicTitle ?? incident.title,
    publicSummary: incident.publicSummary ?? '',
    publicCorrection: incident.publicCorrection ?? incident.correction ?? '',
    publicLessons: incident.publicLessons ?? incident.lessonsLearned ?? '',
  });
  const url = `/api/orgs/${orgId}/incidents/${incident.id}`;
  const resolved = incident.status === 'resolved';

  async function run(event: FormEvent | undefined, path: string, method: string, body: unknown, message: string) {
    event?.preventDefault();
    setError(undefined);
    try {
      await api(`${url}${path}`, { method, body });
      onChanged(message);
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <section className="panel" aria-labelledby="incident-detail">
      <h2 id="incident-detail">{t('accountability.incidents.detailTitle', { number: incident.number, title: incident.title })}</h2>
      <ErrorNotice error={error} />
      <dl className="facts">
        <dt>{t('accountability.incidents.status')}</dt>
        <dd>{t(`accountability.incidents.statuses.${incident.status}`)}</dd>
        <dt>{t('accountability.incidents.severity')}</dt>
        <dd>{incident.severity ? t(`accountability.severity.${incident.severity}`) : t('accountability.incidents.notTriaged')}</dd>
        <dt>{t('accountability.incidents.reporter')}</dt>
        <dd>{incident.reporterLabel}</dd>
        <dt>{t('accountability.incidents.description')}</dt>
        <dd className="acc-message">{incident.description}</dd>
        <dt>{t('accountability.incidents.location')}</dt>
        <dd>{incident.location}</dd>
        <dt>{t('accountability.incidents.occurredAt')}</dt>
        <dd>{formatDateTime(incident.occurredAt ?? incident.createdAt, i18n.language)}</dd>
        <dt>{t('accountability.incidents.model')}</dt>
        <dd>{incident.modelId ?? '–'}</dd>
        {incident.contentRef ? (
          <>
            <dt>{t('accountability.incidents.contentRef')}</dt>
            <dd>{incident.contentRef}</dd>
          </>
        ) : null}
        <dt>{t('accountability.incidents.files')}</dt>
        <dd>
          {incident.attachments.length === 0 ? '–' : null}
          {incident.attachments.map((file) => (
            <span key={file.id}>
              <a href={`${url}/attachments/${file.id}`}>{file.fileName}</a> ({formatBytes(file.sizeBytes, i18n.language)}){' '}
            </span>
          ))}
        </dd>
        {resolved ? (
          <>
            <dt>{t('accountability.incidents.correction')}</dt>
            <dd className="acc-message">{incident.correction}</dd>
            <dt>{t('accountability.incidents.lessons')}</dt>
            <dd className="acc-message">{incident.lessonsLearned}</dd>
          </>
        ) : null}
        <dt>{t('accountability.incidents.publication')}</dt>
        <dd>{incident.publishedAt ? t('accountability.incidents.publishedOn', { date: formatDate(incident.publishedAt, i18n.language) }) : t('accountability.incidents.notPublished')}</dd>
      </dl>

      <h3>{t('accountability.incidents.actions')}</h3>
      {incident.actions.length === 0 ? <p>{t('accountability.incidents.noActions')}</p> : null}
      {incident.actions.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accountability.incidents.actionDescription')}</th>
                <th scope="col">{t('accountability.incidents.owner')}</th>
                <th scope="col">{t('accountability.incidents.dueDate')}</th>
                <th scope="col">{t('accountability.incidents.actionState')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {incident.actions.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.description}</th>
                  <td>{entry.ownerLabel}</td>
                  <td>{formatDate(`${entry.dueDate}T12:00:00`, i18n.language)}</td>
                  <td>{entry.status === 'done' ? t('accountability.incidents.actionDone', { date: formatDate(entry.doneAt, i18n.language) }) : entry.dueDate < today() ? <strong>{t('accountability.incidents.actionOverdue')}</strong> : t('accountability.incidents.actionOpen')}</td>
                  <td>
                    {entry.status === 'open' && (incident.canTriage || entry.ownerUserId === session?.user?.id) ? (
                      <button type="button" onClick={() => void run(undefined, `/actions/${entry.id}/done`, 'POST', {}, t('accountability.incidents.actionMarked'))}>
                        {t('accountability.incidents.markDone')}
                        <span className="visually-hidden"> ({entry.description})</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {incident.canTriage ? (
        <>
          {!resolved ? (
            <Block title={t('accountability.incidents.triageTitle')}>
              <form onSubmit={(event) => void run(event, '/triage', 'POST', { severity: triage.severity, modelId: triage.modelId, note: triage.note }, t('accountability.incidents.triaged'))}>
                <SelectField label={t('accountability.incidents.severity')} hint={t('accountability.incidents.severityHint')} value={triage.severity} onChange={(event) => setTriage({ ...triage, severity: event.target.value as typeof triage.severity })}>
                  {severities.map((value) => (
                    <option key={value} value={value}>
                      {t(`accountability.severity.${value}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('accountability.incidents.model')} value={triage.modelId} onChange={(event) => setTriage({ ...triage, modelId: event.target.value })} />
                <TextAreaField label={t('accountability.incidents.triageNote')} value={triage.note} onChange={(event) => setTriage({ ...triage, note: event.target.value })} />
                <button type="submit" className="primary">
                  {t('accountability.incidents.triage')}
                </button>
              </form>
            </Block>
          ) : null}
          <Block title={t('accountability.incidents.addActionTitle')}>
            <form onSubmit={(event) => void run(event, '/actions', 'POST', action, t('accountability.incidents.actionAdded'))}>
              <TextField label={t('accountability.incidents.actionDescription')} required value={action.description} onChange={(event) => setAction({ ...action, description: event.target.value })} />
              <TextField label={t('accountability.incidents.ownerEmail')} type="email" required value={action.ownerEmail} onChange={(event) => setAction({ ...action, ownerEmail: event.target.value })} />
              <TextField label={t('accountability.incidents.dueDate')} type="date" required min={today()} value={action.dueDate} onChange={(event) => setAction({ ...action, dueDate: event.target.value })} />
              <button type="submit">{t('accountability.incidents.addAction')}</button>
            </form>
          </Block>
          {incident.severity && !resolved ? (
            <Block title={t('accountability.incidents.resolveTitle')}>
              <form onSubmit={(event) => void run(event, '/resolve', 'POST', resolution, t('accountability.incidents.resolved'))}>
                <TextAreaField label={t('accountability.incidents.correction')} required value={resolution.correction} onChange={(event) => setResolution({ ...resolution, correction: event.target.value })} />
                <TextAreaField label={t('accountability.incidents.lessons')} required value={resolution.lessonsLearned} onChange={(event) => setResolution({ ...resolution, lessonsLearned: event.target.value })} />
                <button type="submit">{t('accountability.incidents.resolve')}</button>
              </form>
            </Block>
          ) : null}
          <Block title={t('accountability.incidents.publicationTitle')}>
            <p className="hint">{t('accountability.incidents.publicationHint')}</p>
            <form onSubmit={(event) => void run(event, '/publication', 'PUT', { published: true, ...publication }, t('accountability.incidents.publishedNotice'))}>
              <TextField label={t('accountability.incidents.publicTitle')} required value={publication.publicTitle} onChange={(event) => setPublication({ ...publication, publicTitle: event.target.value })} />
              <TextAreaField label={t('accountability.incidents.publicSummary')} required value={publication.publicSummary} onChange={(event) => setPublication({ ...publication, publicSummary: event.target.value })} />
              <TextAreaField label={t('accountability.incidents.publicCorrection')} value={publication.publicCorrection} onChange={(event) => setPublication({ ...publication, publicCorrection: event.target.value })} />
              <TextAreaField label={t('accountability.incidents.publicLessons')} value={publication.publicLessons} onChange={(event) => setPublication({ ...publication, publicLessons: event.target.value })} />
              <div className="button-row">
                <button type="submit">{incident.publishedAt ? t('accountability.incidents.updatePublication') : t('accountability.incidents.publish')}</button>
                {incident.publishedAt ? (
                  <button type="button" onClick={() => void run(undefined, '/publication', 'PUT', { published: false }, t('accountability.incidents.unpublished'))}>
                    {t('accountability.incidents.unpublish')}
                  </button>
                ) : null}
              </div>
            </form>
          </Block>
        </>
      ) : null}

      <h3>{t('accountability.incidents.timeline')}</h3>
      <ol className="acc-timeline">
        {incident.timeline.map((entry) => (
          <li key={entry.id}>
            <span className="muted">
              {formatDateTime(entry.at, i18n.language)} · {entry.actorLabel}
            </span>
            <br />
            {describeEvent(entry, t)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="panel">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function describeEvent(entry: IncidentEvent, t: (key: string, options?: Record<string, unknown>) => string): string {
  const detail = entry.detail;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (entry.kind) {
    case 'triaged':
      return t('accountability.timeline.triaged', { severity: t(`accountability.severity.${text(detail.severity)}`) }) + (detail.note ? ` – ${text(detail.note)}` : '');
    case 'action_added':
      return t('accountability.timeline.actionAdded', { description: text(detail.description), owner: text(detail.owner), due: text(detail.dueDate) });
    case 'action_done':
      return t('accountability.timeline.actionDone', { description: text(detail.description) });
    case 'model_under_review':
      return t('accountability.timeline.modelReview', { model: text(detail.modelId) });
    case 'published':
      return t('accountability.timeline.published', { title: text(detail.publicTitle) });
    default:
      return t(`accountability.timeline.${entry.kind}`, { defaultValue: entry.kind });
  }
}
