import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useFillOnFirstLoad, useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { dataClasses, defaultDataClassZones, zones, type DataClass, type GuardSettings, type GuardSettingsResponse, type Zone } from './guard-api';
import { TryGuard } from './try-guard';
import './guard.css';

type Choice = 'default' | 'on' | 'off';
const toChoice = (value: boolean | undefined): Choice => (value === undefined ? 'default' : value ? 'on' : 'off');
const fromChoice = (choice: Choice): boolean | undefined => (choice === 'default' ? undefined : choice === 'on');

/** The organisation's data-protection guard (RIGHTS-2): pseudonymisation per zone, data classes per zone, own patterns. */
export default function GuardSettingsPage() {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const resource = useResource<GuardSettingsResponse>(currentOrg ? `/api/orgs/${currentOrg.id}/guard-settings` : undefined);
  const { data, error: loadError, reload } = resource;
  const [form, setForm] = useState<GuardSettings>({ pseudonymise: {} });
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState(0);
  const ids = useId();

  useFillOnFirstLoad(resource, (loaded) => setForm({ ...loaded.own, pseudonymise: { ...loaded.own.pseudonymise } }));

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  useEffect(() => {
    // After a refused save, focus goes to the first field that needs attention.
    if (Object.keys(fieldErrors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // A newly added pattern: focus its first field, so keyboard users continue where the new fields are.
    if (added > 0) [...(formRef.current?.querySelectorAll<HTMLInputElement>('.guard-pattern input') ?? [])].at(-3)?.focus();
  }, [added]);

  if (!currentOrg || !data) return <ErrorNotice error={loadError} />;
  const inherited = data.inherited;
  const forcedOn = (zone: 'own' | 'eu') => inherited.some((settings) => settings.pseudonymise[zone] === true);
  const patterns = form.customPatterns ?? [];
  const setPatterns = (next: GuardSettings['customPatterns']) => setForm({ ...form, customPatterns: next });
  const zonesOf = (dataClass: DataClass): Zone[] => form.dataClassZones?.[dataClass] ?? defaultDataClassZones[dataClass];
  const toggleZone = (dataClass: DataClass, zone: Zone, allowed: boolean) => {
    const next = allowed ? [...zonesOf(dataClass), zone] : zonesOf(dataClass).filter((entry) => entry !== zone);
    setForm({ ...form, dataClassZones: { ...form.dataClassZones, [dataClass]: zones.filter((entry) => next.includes(entry)) } });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    try {
      await api(`/api/orgs/${currentOrg!.id}/guard-settings`, { method: 'PUT', body: form });
      setNotice(t('guard.settings.saved'));
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <Page title={t('guard.settings.title')} intro={t('guard.settings.intro', { org: currentOrg.name })}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {error instanceof ApiError && Object.keys(fieldErrors).length > 0 ? (
        <Notice kind="error">
          <p>{error.problem.detail}</p>
        </Notice>
      ) : (
        <ErrorNotice error={error} />
      )}
      <form ref={formRef} onSubmit={(event) => void save(event)} noValidate>
        <section aria-labelledby={`${ids}-zones`}>
          <h2 id={`${ids}-zones`}>{t('guard.settings.zonesHeading')}</h2>
          <p>{t('guard.settings.zonesIntro')}</p>
          {(['own', 'eu'] as const).map((zone) => (
            <SelectField
              key={zone}
              label={t(`guard.settings.pseudonymise.${zone}`)}
              hint={forcedOn(zone) ? t('guard.settings.forcedByParent') : undefined}
              value={forcedOn(zone) ? 'on' : toChoice(form.pseudonymise[zone])}
              disabled={forcedOn(zone)}
              onChange={(event) => setForm({ ...form, pseudonymise: { ...form.pseudonymise, [zone]: fromChoice(event.target.value as Choice) } })}
            >
              <option value="default">{t(`guard.settings.default.${zone}`)}</option>
              <option value="on">{t('guard.settings.on')}</option>
              <option value="off">{t('guard.settings.off')}</option>
            </SelectField>
          ))}
          <p>
            <strong>{t('guard.settings.pseudonymise.non-eu')}</strong> {t('guard.settings.mandatory')}
          </p>
          <div className="checkbox field">
            <input type="checkbox" id={`${ids}-special`} checked={form.blockSpecialCategoriesInEu === true} onChange={(event) => setForm({ ...form, blockSpecialCategoriesInEu: event.target.checked || undefined })} />
            <label htmlFor={`${ids}-special`}>{t('guard.settings.blockSpecialInEu')}</label>
          </div>
          <p className="hint">{t('guard.settings.specialOutsideEu')}</p>
        </section>

        <section aria-labelledby={`${ids}-classes`}>
          <h2 id={`${ids}-classes`}>{t('guard.settings.classesHeading')}</h2>
          <p>{t('guard.settings.classesIntro')}</p>
          <table className="guard-zone-table">
            <caption className="visually-hidden">{t('guard.settings.classesHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guard.settings.dataClass')}</th>
                {zones.map((zone) => (
                  <th key={zone} scope="col">
                    {t(`workspace.model.zone.${zone}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dataClasses.map((dataClass) => (
                <tr key={dataClass}>
                  <th scope="row">{t(`guard.dataClass.${dataClass}`)}</th>
                  {zones.map((zone) => (
                    <td key={zone}>
                      <input
                        type="checkbox"
                        id={`${ids}-${dataClass}-${zone}`}
                        checked={zonesOf(dataClass).includes(zone)}
                        onChange={(event) => toggleZone(dataClass, zone, event.target.checked)}
                      />
                      <label htmlFor={`${ids}-${dataClass}-${zone}`} className="visually-hidden">
                        {t('guard.settings.allowedIn', { dataClass: t(`guard.dataClass.${dataClass}`), zone: t(`workspace.model.zone.${zone}`) })}
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby={`${ids}-patterns`}>
          <h2 id={`${ids}-patterns`}>{t('guard.settings.patternsHeading')}</h2>
          <p>{t('guard.settings.patternsIntro')}</p>
          {patterns.map((pattern, index) => (
            <fieldset key={index} className="guard-pattern">
              <legend>{t('guard.settings.patternLegend', { n: index + 1, label: pattern.label })}</legend>
              <TextField
                label={t('guard.settings.patternLabel')}
                hint={t('guard.settings.patternLabelHint')}
                value={pattern.label}
                maxLength={60}
                required
                error={fieldErrors[`customPatterns.${index}.label`]}
                onChange={(event) => setPatterns(patterns.map((entry, at) => (at === index ? { ...entry, label: event.target.value } : entry)))}
              />
              <TextField
                label={t('guard.settings.patternRegex')}
                hint={t('guard.settings.patternRegexHint')}
                value={pattern.pattern}
                maxLength={200}
                required
                spellCheck={false}
                className="monospace"
                error={fieldErrors[`customPatterns.${index}.pattern`]}
                onChange={(event) => setPatterns(patterns.map((entry, at) => (at === index ? { ...entry, pattern: event.target.value } : entry)))}
              />
              <div className="checkbox field">
                <input
                  type="checkbox"
                  id={`${ids}-case-${index}`}
                  checked={pattern.flags?.includes('i') ?? false}
                  onChange={(event) => setPatterns(patterns.map((entry, at) => (at === index ? { label: entry.label, pattern: entry.pattern, ...(event.target.checked ? { flags: 'i' } : {}) } : entry)))}
                />
                <label htmlFor={`${ids}-case-${index}`}>{t('guard.settings.ignoreCase')}</label>
              </div>
              <button type="button" onClick={() => setPatterns(patterns.filter((_, at) => at !== index))}>
                {t('guard.settings.removePattern', { label: pattern.label || index + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() => {
              setPatterns([...patterns, { label: '', pattern: '' }]);
              setAdded((count) => count + 1);
            }}
            disabled={patterns.length >= 50}
          >
            {t('guard.settings.addPattern')}
          </button>
        </section>
        <p>
          <button type="submit" className="primary">
            {t('guard.settings.save')}
          </button>
        </p>
      </form>
      <TryGuard orgId={currentOrg.id} />
    </Page>
  );
}
