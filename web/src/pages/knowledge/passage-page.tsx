import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { locationOf } from './knowledge-shared';

type Neighbour = { id: string; section: string | null; pageStart: number | null; pageEnd: number | null; text: string };
type PassageView = Neighbour & {
  document: { id: string; title: string; filename: string; format: string; pageCount: number | null };
  collection: { id: string; name: string };
  before: Neighbour[];
  after: Neighbour[];
};

/** Where a citation leads: the passage in its document, with page and section, and the text around it. */
export default function PassagePage() {
  const { t } = useTranslation();
  const { chunkId } = useParams();
  const { data, error } = useResource<PassageView>(chunkId ? `/api/knowledge/passages/${chunkId}` : undefined);
  const where = (entry: Neighbour) => locationOf(t, { page: entry.pageStart, pageEnd: entry.pageEnd, section: entry.section });
  return (
    <Page title={data ? data.document.title : t('knowledge.passage.title')}>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <dl className="knowledge-facts">
            <dt>{t('knowledge.passage.location')}</dt>
            <dd>{where(data) || t('knowledge.passage.noLocation')}</dd>
            <dt>{t('knowledge.passage.collection')}</dt>
            <dd>
              <Link to={`/wissen/sammlungen/${data.collection.id}`}>{data.collection.name}</Link>
            </dd>
            <dt>{t('knowledge.passage.original')}</dt>
            <dd>
              <a href={`/api/knowledge/documents/${data.document.id}/file`} download={data.document.filename}>
                {t('knowledge.passage.download', { filename: data.document.filename })}
              </a>
            </dd>
          </dl>
          {data.before.map((entry) => (
            <section key={entry.id} className="knowledge-context" aria-label={t('knowledge.passage.before')}>
              <p className="muted">{where(entry)}</p>
              <p>{entry.text}</p>
            </section>
          ))}
          <section className="knowledge-passage" aria-labelledby="knowledge-cited">
            <h2 id="knowledge-cited">{t('knowledge.passage.cited')}</h2>
            <blockquote>
              {data.text.split(/\n{2,}/).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </blockquote>
          </section>
          {data.after.map((entry) => (
            <section key={entry.id} className="knowledge-context" aria-label={t('knowledge.passage.after')}>
              <p className="muted">{where(entry)}</p>
              <p>{entry.text}</p>
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}
