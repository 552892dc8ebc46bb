/** Shared by the global setup (which bootstraps the template database) and the per-file helpers. */
export const ADMIN_EMAIL = 'admin@test.example';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
