/** Every module's tables, for drizzle-kit and the typed query builder. Modules never import each other's tables. */
export * from './system-schema.js';
export * from '../identity/schema.js';
export * from '../audit/schema.js';
export * from '../ratelimit/schema.js';
export * from '../registry/schema.js';
export * from '../gateway/schema.js';
export * from '../jobs/schema.js';
export * from '../workflows/schema.js';
export * from '../evaluation/schema.js';
export * from '../provenance/schema.js';
export * from '../workspace/schema.js';
export * from '../accountability/schema.js';
export * from '../transparency/schema.js';
export * from '../knowledge/schema.js';
