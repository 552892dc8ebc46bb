import { riskClassLabels } from './risk/index.js';
import { affectedGroups, configurableFields, dataCategories, evaluationKinds, policyAreas, statusLabels } from './register-standard/index.js';

/** The register's value lists with German and English labels, so every page names them the same way. */
export function registerVocabulary() {
  return {
    statuses: statusLabels,
    riskClasses: riskClassLabels,
    policyAreas: Object.fromEntries(Object.entries(policyAreas).map(([id, area]) => [id, area.label])),
    affectedGroups,
    dataCategories,
    evaluationKinds,
    configurableFields,
  };
}
