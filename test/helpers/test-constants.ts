/** Shared by the global setup (which bootstraps the template database) and the per-file helpers. */
export const ADMIN_EMAIL = 'admin@test.example';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** The first admin of every browser test's installation. */
export const BROWSER_ADMIN = { email: 'admin@browser.example', password: 'browser test password 1' };
/** Browser tests start from an installation with or without the shipped model catalogue. */
export type CatalogueVariant = 'seeded' | 'empty';
