import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import type { WorkspaceModel } from './workspace-api';

/** Only the models this person may use here; each with its registry status and energy class (never by colour alone). */
export function ModelPicker({ models, value, onChange, label }: { models: WorkspaceModel[]; value: string; onChange(id: string): void; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const selected = models.find((model) => model.id === value);
  return (
    <div className="field model-picker">
      <label htmlFor={id}>{label ?? t('workspace.model.label')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-facts`}>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {optionText(model, t)}
          </option>
        ))}
      </select>
      <p id={`${id}-facts`} className="hint">
        {selected ? <ModelFacts model={selected} /> : null}
      </p>
    </div>
  );
}

function optionText(model: WorkspaceModel, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = [model.name, t(`workspace.model.status.${model.status}`, { defaultValue: model.status })];
  if (model.energyClass) parts.push(t('workspace.model.energyClassShort', { energyClass: model.energyClass }));
  return parts.join(' · ');
}

export function ModelFacts({ model }: { model: WorkspaceModel }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('workspace.model.facts', {
        status: t(`workspace.model.status.${model.status}`, { defaultValue: model.status }),
        zone: t(`workspace.model.zone.${model.zone}`, { defaultValue: model.zone }),
      })}{' '}
      {model.energyClass
        ? t('workspace.model.energy', {
            energyClass: model.energyClass,
            wh: formatNumber(model.energyWhPer1kOutputTokens ?? 0, i18n.language, { maximumSignificantDigits: 2 }),
          })
        : t('workspace.model.energyUnknown')}
      {model.vision ? ` ${t('workspace.model.vision')}` : ''}
    </>
  );
}
