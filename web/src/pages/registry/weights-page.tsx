import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';

type WeightsInfo = { weights: Record<string, number>; version: number; criteria: Record<string, { rule: { de: string; en: string } }> };

export default function WeightsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const mayDecide = !!session?.orgs?.some((org) => !org.parentId && (org.roles.includes('reviewer') || org.roles.includes('admin')));
  const { data, error, reload } = useResource<WeightsInfo>('/api/registry/weights');
  const [draft, setDraft] = useState<Record<string, string>>();
  const [reason, setReason] = useState('');
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const values = draft ?? Object.fromEntries(Object.entries(data?.weights ?? {}).map(([key, value]) => [key, String(value)]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(undefined);
    setSaved(false);
    try {
      await api('/api/registry/weights', { method: 'PUT', body: { weights: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Number(value.replace(',', '.'))])), reason } });
      setSaved(true);
      setDraft(undefined);
      setReason('');
      reload();
    } catch (reasonError) {
      setSaveError(reasonError);
    }
  }

  return (
    <Page title={t('registry.weights.title')} intro={t('registry.weights.intro')}>
      <ErrorNotice error={error ?? saveError} />
      {saved ? <Notice kind="success">{t('registry.weights.saved')}</Notice> : null}
      {data ? <p className="muted">{data.version > 0 ? t('registry.weights.version', { version: data.version }) : t('registry.weights.defaults')}</p> : null}
      {data ? (
        <form onSubmit={(event) => void submit(event)}>
          {Object.keys(values).map((criterion) => (
            <TextField
              key={criterion}
              label={t(`registry.criteria.${criterion}`)}
              hint={i18n.language === 'en' ? data.criteria[criterion]?.rule.en : data.criteria[criterion]?.rule.de}
              inputMode="decimal"
              readOnly={!mayDecide}
              value={values[criterion]}
              onChange={(event) => setDraft({ ...values, [criterion]: event.target.value })}
            />
          ))}
          {mayDecide ? (
            <>
              <TextField label={t('registry.weights.reason')} required value={reason} onChange={(event) => setReason(event.target.value)} />
              <button type="submit" className="primary">
                {t('registry.weights.save')}
              </button>
            </>
          ) : null}
        </form>
      ) : null}
    </Page>
  );
}
