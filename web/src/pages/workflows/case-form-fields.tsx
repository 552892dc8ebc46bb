import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { pick, type FormField } from './workflow-types';

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

/** A field error as the page shows it: next to the field, announced with it. */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

/** Yes / no as two radio buttons; nothing chosen means "not stated" (the rules treat it as missing). */
function YesNoField({ field, value, error, onChange }: { field: FormField; value: string; error: string | undefined; onChange(next: string): void }) {
  const id = useId();
  const { t, i18n } = useTranslation();
  const hintId = field.hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  return (
    <fieldset className="field" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend>
        {pick(field.label, i18n.language)}
        {field.required ? <span className="required"> ({t('app.required')})</span> : null}
      </legend>
      {field.hint ? (
        <p id={hintId} className="hint">
          {pick(field.hint, i18n.language)}
        </p>
      ) : null}
      {(['ja', 'nein'] as const).map((choice) => (
        <div key={choice} className="checkbox">
          <input type="radio" id={`${id}-${choice}`} name={field.name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          <label htmlFor={`${id}-${choice}`}>{t(`workflows.form.${choice}`)}</label>
        </div>
      ))}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

function TextAreaField({ field, value, error, onChange }: { field: FormField; value: string; error: string | undefined; onChange(next: string): void }) {
  const id = useId();
  const { t, i18n } = useTranslation();
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {pick(field.label, i18n.language)}
        {field.required ? <span className="required"> ({t('app.required')})</span> : null}
      </label>
      {field.hint ? (
        <p id={`${id}-hint`} className="hint">
          {pick(field.hint, i18n.language)}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={5}
        value={value}
        maxLength={field.maxLength}
        required={field.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** One field of a definition's form, with its label, hint and error (WCAG 3.3.1, 3.3.2). */
export function CaseFormField({ field, value, error, onChange }: { field: FormField; value: FormValue | undefined; error: string | undefined; onChange(next: FormValue): void }) {
  const { t, i18n } = useTranslation();
  const label = pick(field.label, i18n.language);
  const hint = field.hint ? pick(field.hint, i18n.language) : undefined;
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'boolean':
      return <YesNoField field={field} value={text} error={error} onChange={onChange} />;
    case 'textarea':
      return <TextAreaField field={field} value={text} error={error} onChange={onChange} />;
    case 'select':
      return (
        <SelectField label={field.required ? `${label} (${t('app.required')})` : label} hint={hint} error={error} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('workflows.form.choose')}</option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {pick(option.label, i18n.language)}
            </option>
          ))}
        </SelectField>
      );
    case 'multiselect':
      return (
        <div>
          <CheckboxGroup
            legend={label}
            options={(field.options ?? []).map((option) => ({ value: option.value, label: pick(option.label, i18n.language) }))}
            value={Array.isArray(value) ? value : []}
            onChange={onChange}
          />
          {error ? <p className="field-error">{`${label}: ${error}`}</p> : null}
        </div>
      );
    default:
      return (
        <TextField
          label={label}
          hint={hint}
          error={error}
          required={field.required}
          type={field.type === 'number' ? 'text' : field.type}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          autoComplete={field.type === 'email' ? 'email' : 'off'}
          maxLength={field.maxLength}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

/** The form values as the API takes them: empty answers left out, yes/no as booleans. */
export function toInput(fields: FormField[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    input[field.name] = field.type === 'boolean' ? value === 'ja' : value;
  }
  return input;
}
