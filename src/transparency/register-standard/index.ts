export {
  algoritmeregisterStandard,
  toStandardShape,
  type AlgoritmeregisterRecord,
} from './algoritmeregister.js';
export { csvCell, toCsv, toPlainJson, type ExportScope } from './plain-export.js';
export { isFieldPublic, publicUseCaseSchema, publicView, type PublicUseCaseRecord } from './public-view.js';
export {
  affectedGroups,
  dataCategories,
  evaluationKinds,
  policyAreas,
  statusLabels,
  useCaseStatuses,
  type AffectedGroup,
  type DataCategory,
  type EvaluationKind,
  type PolicyArea,
  type UseCaseStatus,
} from './register-vocabulary.js';
export {
  alwaysPublicFields,
  configurableFields,
  defaultVisibility,
  internalOnlyFields,
  useCaseRecordSchema,
  type AlwaysPublicField,
  type ConfigurableField,
  type UseCaseRecord,
  type Visibility,
} from './use-case-record.js';
export { buildUseCaseRecord } from './build-use-case-record.js';
