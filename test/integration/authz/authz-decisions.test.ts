import { describeRouteMatrix, routeCaseGroups } from './route-matrix.js';

// Accountability, workflows and evaluation routes of the authorisation matrix (see authz-matrix.test.ts).
describeRouteMatrix(routeCaseGroups.decisions);
