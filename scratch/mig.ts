import { openDatabase } from '../src/db/connection.js';
import { runMigrations, migrationStatus } from '../src/db/migrate.js';
const t = Date.now();
const database = await openDatabase({ memory: true });
console.log('open', Date.now() - t);
await runMigrations(database);
console.log('migrated', Date.now() - t, await migrationStatus(database));
await database.close();
