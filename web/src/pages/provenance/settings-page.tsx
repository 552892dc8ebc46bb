import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFillOnFirstLoad, useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { pick, TextAreaField, type Text } from './provenance-shared';
import './provenance.css';

type Settings = {
  channels: { channel: string; name: Text; template: Text & { inherited: { de: boolean; en: boolean } }; own: Partial<Text> }[];
  imagePolicy: { ai: string; visibleLabel: string; setBy: string | null; own: { ai?: string; visibleLabel?: string } };
  canManage: boolean;
};
const levels = ['off', 'licensed_stock', 'licensed_or_open_clean', 'any'] as const;
const visibleRules = ['montage_and_photorealistic', 'all_ai'] as const;

/** Label texts per channel (LABEL-1) and the image policy (LABEL-4) of the current organisation. */
export default function ProvenanceSettingsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const resource = useResource<Settings>(currentOrg ? `/api/orgs/${currentOrg.id}/provenance/settings` : undefined);
  const { data, error: loadError, reload } = resource;
  const [templates, setTemplates] = useState<Record<string, { de: string; en: string }>>({});
  const [policy, setPolicy] = useState({ ai: '', visibleLabel: '' });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  useFillOnFirstLoad(resource, (loaded) => {
    setTemplates(Object.fromEntries(loaded.channels.map((entry) => [entry.channel, { de: entry.own.de ?? '', en: entry.own.en ?? '' }])));
    setPolicy({ ai: loaded.imagePolicy.ai, visibleLabel: loaded.imagePolicy.visibleLabel });
  });

  async function run(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function saveLabels(event: FormEvent) {
    event.preventDefault();
    void run(() => api(`/api/orgs/${currentOrg!.id}/provenance/labels`, { method: 'PUT', body: templates }), t('provenance.settings.labelsSaved'));
  }

  function savePolicy(event: FormEvent) {
    event.preventDefault();
    void run(() => api(`/api/orgs/${currentOrg!.id}/provenance/image-policy`, { method: 'PUT', body: policy }), t('provenance.settings.policySaved'));
  }

  if (!currentOrg || !data) return <ErrorNotice error={loadError} />;
  const readOnly = !data.canManage;
  return (
    <Page title={t('provenance.settings.title')} intro={t('provenance.settings.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      {readOnly ? <p>{t('provenance.settings.readOnly')}</p> : null}
      <section aria-labelledby="policy-title">
        <h2 id="policy-title">{t('provenance.settings.policy')}</h2>
        {data.imagePolicy.setBy ? <p>{t('provenance.settings.setBy', { org: data.imagePolicy.setBy })}</p> : <p>{t('provenance.settings.defaultPolicy')}</p>}
        <form onSubmit={savePolicy} noValidate>
          <fieldset className="field" disabled={readOnly}>
            <legend>{t('provenance.settings.aiImages')}</legend>
            {levels.map((level) => (
              <div key={level} className="checkbox">
                <input type="radio" id={`level-${level}`} name="ai-level" value={level} checked={policy.ai === level} onChange={() => setPolicy({ ...policy, ai: level })} />
                <label htmlFor={`level-${level}`}>{t(`provenance.level.${level}`)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset className="field" disabled={readOnly}>
            <legend>{t('provenance.settings.visibleLabel')}</legend>
            {visibleRules.map((rule) => (
              <div key={rule} className="checkbox">
                <input type="radio" id={`rule-${rule}`} name="visible-rule" value={rule} checked={policy.visibleLabel === rule} onChange={() => setPolicy({ ...policy, visibleLabel: rule })} />
                <label htmlFor={`rule-${rule}`}>{t(`provenance.visibleRule.${rule}`)}</label>
              </div>
            ))}
          </fieldset>
          {readOnly ? null : (
            <button type="submit" className="primary">
              {t('provenance.settings.savePolicy')}
            </button>
          )}
        </form>
      </section>
      <section aria-labelledby="labels-title" className="provenance-templates">
        <h2 id="labels-title">{t('provenance.settings.labels')}</h2>
        <p>{t('provenance.settings.labelsHint')}</p>
        <form onSubmit={saveLabels} noValidate>
          {data.channels.map((entry) => (
            <fieldset key={entry.channel} className="field" disabled={readOnly}>
              <legend>{pick(entry.name, i18n.language)}</legend>
              <p className="hint">
                {t('provenance.settings.inForce')}: „{entry.template.de}“ / “{entry.template.en}”
              </p>
              <TextAreaField
                label={t('provenance.settings.german', { channel: pick(entry.name, i18n.language) })}
                value={templates[entry.channel]?.de ?? ''}
                placeholder={entry.template.de}
                onChange={(event) => setTemplates({ ...templates, [entry.channel]: { ...(templates[entry.channel] ?? { de: '', en: '' }), de: event.target.value } })}
              />
              <TextAreaField
                label={t('provenance.settings.english', { channel: pick(entry.name, i18n.language) })}
                value={templates[entry.channel]?.en ?? ''}
                placeholder={entry.template.en}
                onChange={(event) => setTemplates({ ...templates, [entry.channel]: { ...(templates[entry.channel] ?? { de: '', en: '' }), en: event.target.value } })}
              />
            </fieldset>
          ))}
          {readOnly ? null : (
            <button type="submit" className="primary">
              {t('provenance.settings.saveLabels')}
            </button>
          )}
        </form>
      </section>
    </Page>
  );
}
