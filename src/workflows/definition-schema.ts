import { z } from 'zod';
import { roles } from '../identity/roles.js';

/**
 * The open format of a workflow definition (YAML or JSON in `definitions/`). Rules, computed values
 * and outcomes are JSON Logic (jsonlogic.com); texts are German and English side by side. A definition
 * is versioned: changing a loaded version's content without raising `version` is refused.
 */
const localized = z.object({ de: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');
const logic = z.custom<JsonLogic>((value) => value !== undefined, 'JSON Logic expression');

export type JsonLogic = unknown;

export const fieldTypes = [
  'text',
  'textarea',
  'number',
  'date',
  'boolean',
  'select',
  'multiselect',
  'email',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const formFieldSchema = z
  .object({
    name,
    type: z.enum(fieldTypes),
    label: localized,
    hint: localized.optional(),
    required: z.boolean().default(false),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Number fields: `0.01` for amounts in euros and cents; whole numbers by default. */
    step: z.number().positive().optional(),
    unit: z.enum(['EUR']).optional(),
    maxLength: z.number().int().positive().optional(),
    options: z.array(z.object({ value: z.string().min(1), label: localized }).strict()).optional(),
  })
  .strict();
export type FormField = z.infer<typeof formFieldSchema>;

export const ruleKinds = ['completeness', 'eligibility', 'amount', 'formal'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const ruleSchema = z
  .object({
    id: name,
    label: localized,
    kind: z.enum(ruleKinds),
    /** `blocking`: a failed check stands in the way of a positive decision; `hint`: worth a look. */
    severity: z.enum(['blocking', 'hint']).default('blocking'),
    /** The rule applies only when this holds (e.g. supporters only for motions by members). */
    when: logic.optional(),
    check: logic,
    pass: localized,
    fail: localized,
    notApplicable: localized.optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const computedSchema = z
  .object({
    id: name,
    label: localized,
    value: logic,
    format: z.enum(['eur', 'number', 'date', 'text']).default('number'),
  })
  .strict();
export type ComputedValue = z.infer<typeof computedSchema>;

export const outcomeSchema = z
  .object({
    id: name,
    label: localized,
    /** First outcome whose condition holds is suggested; the last one has none (the fallback). */
    when: logic.optional(),
    /** What the draft should do, in the language of the letter; goes into the prompt. */
    instruction: z.string().trim().min(1),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

export const toolNames = [
  'get_case',
  'list_channels',
  'send_email',
  'create_calendar_entry',
  'post_to_channel',
] as const;
export type ToolName = (typeof toolNames)[number];

export const workflowDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    version: z.number().int().positive(),
    kind: z.enum(['municipal', 'party', 'other']),
    title: localized,
    description: localized,
    referencePrefix: z.string().regex(/^[A-Z]{1,4}$/),
    /** Form field whose value names the case in lists. */
    titleField: name,
    /** E-mail field the approved reply is sent to. */
    recipientField: name.optional(),
    /** The use case for the transparency register (OPEN-1/2); a prohibited practice cannot be declared. */
    useCase: z
      .object({
        name: localized,
        purpose: localized,
        riskClass: z.enum(['high', 'limited', 'minimal']),
        riskReason: localized,
        humanOversight: localized,
      })
      .strict(),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    form: z.object({ fields: z.array(formFieldSchema).min(1) }).strict(),
    computed: z.array(computedSchema).default([]),
    rules: z.array(ruleSchema).min(1),
    outcomes: z.array(outcomeSchema).min(1),
    draft: z
      .object({
        model: z.string().min(1),
        system: z.string().trim().min(1),
        template: z.string().trim().min(1),
        maxTokens: z.number().int().positive().max(8192).default(1200),
        /** Added under the sent reply: the recipient learns a model drafted it and a person approved it (LABEL-1). */
        disclosure: localized.optional(),
      })
      .strict(),
    approval: z.object({ roles: z.array(z.enum(roles)).min(1), note: localized.optional() }).strict(),
    agent: z
      .object({ system: z.string().trim().min(1), tools: z.array(z.enum(toolNames)).min(1) })
      .strict()
      .optional(),
  })
  .strict();

export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
