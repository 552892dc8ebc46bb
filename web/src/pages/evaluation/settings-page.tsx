import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { useIsBoard, type Catalogue, type EvaluatedModel, type Schedule, type Threshold } from './evaluation-types';
import { SchedulesEditor } from './schedules-editor';
import { ThresholdsEditor } from './thresholds-editor';
import './evaluation.css';

/** The review board's settings (issue 5, items 5 and 6): thresholds per category and re-run schedules. */
export default function EvaluationSettingsPage() {
  const { t } = useTranslation();
  const board = useIsBoard();
  const { data: thresholds, error: thresholdsError, reload: reloadThresholds } = useResource<Threshold[]>('/api/evaluation/thresholds');
  const { data: schedules, error: schedulesError, reload: reloadSchedules } = useResource<Schedule[]>('/api/evaluation/schedules');
  const { data: models, error: modelsError } = useResource<EvaluatedModel[]>('/api/evaluation/models');
  const { data: catalogue, error: catalogueError } = useResource<Catalogue>('/api/evaluation/suites');

  return (
    <Page title={t('evaluation.settings.title')} intro={t('evaluation.settings.intro')}>
      <ErrorNotice error={thresholdsError ?? schedulesError ?? modelsError ?? catalogueError} />
      {board ? null : <p className="notice notice-info">{t('evaluation.settings.readOnly')}</p>}
      <section aria-labelledby="settings-thresholds">
        <h2 id="settings-thresholds">{t('evaluation.thresholds.title')}</h2>
        <p className="hint">{t('evaluation.thresholds.intro')}</p>
        {thresholds ? <ThresholdsEditor thresholds={thresholds} catalogue={catalogue} canEdit={board} onSaved={reloadThresholds} /> : null}
      </section>
      <section aria-labelledby="settings-schedules">
        <h2 id="settings-schedules">{t('evaluation.schedules.title')}</h2>
        <p className="hint">{t('evaluation.schedules.intro')}</p>
        {schedules && models && catalogue ? <SchedulesEditor schedules={schedules} models={models} catalogue={catalogue} canEdit={board} onSaved={reloadSchedules} /> : null}
      </section>
    </Page>
  );
}
