import { describeRouteMatrix, routeCaseGroups } from './route-matrix.js';

// Workspace, knowledge and provenance routes of the authorisation matrix (see authz-matrix.test.ts).
describeRouteMatrix(routeCaseGroups.workspace);
