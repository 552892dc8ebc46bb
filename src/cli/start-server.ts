import type { FastifyInstance } from 'fastify';
import type { Config } from '../core/config.js';
import { DataDirLock } from '../db/data-dir-lock.js';
import { buildApp } from '../server/app.js';
import { createServices, type Services } from '../server/compose.js';
import { adminSocketPath, startAdminSocket } from './admin-socket.js';
import { setupHints, setupStatus } from '../gateway/setup-status.js';

export type RunningServer = { app: FastifyInstance; services: Services; url: string; stop(): Promise<void> };

/** `leitplanke start`: lock the data folder (PGlite), migrate, bootstrap, serve, and open the admin socket. */
export async function startServer(config: Config, announce: (line: string) => void = console.log): Promise<RunningServer> {
  const lock = config.database_url ? undefined : DataDirLock.acquire(config.data_dir);
  let services: Services | undefined;
  try {
    services = await createServices(config);
    const app = await buildApp(services);
    await services.jobs.start();
    services.accountability.start();
    await services.energyMeter.start();
    services.evaluation.scheduler.start();
    services.workspace.startRetention(services.jobs, services.bootstrap.rootOrgId);
    await app.listen({ port: config.port, host: config.host });
    const stopSocket = config.database_url ? undefined : await startAdminSocket(services, adminSocketPath(config.data_dir));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.public_url ?? `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
    announceStart(announce, url, services);
    for (const line of setupHints(await setupStatus(services.gateway, services.bootstrap.rootOrgId))) announce(line);
    const running = services;
    return {
      app,
      services: running,
      url,
      async stop() {
        await stopSocket?.();
        await app.close();
        await running.close();
        lock?.release();
      },
    };
  } catch (error) {
    await services?.close();
    lock?.release();
    throw error;
  }
}

function announceStart(announce: (line: string) => void, url: string, services: Services): void {
  announce(`Leitplanke läuft auf / is running at ${url}`);
  announce(`Datenbank / database: ${services.database.dialect === 'pglite' ? `PGlite in ${services.config.data_dir}` : 'PostgreSQL'}`);
  const admin = services.bootstrap.createdAdmin;
  if (admin) {
    announce('');
    announce('  Erstes Administrationskonto / first administrator account');
    announce(`  E-Mail:   ${admin.email}`);
    if (admin.password) {
      announce(`  Passwort: ${admin.password}`);
      announce('  Einmalpasswort: bitte nach der ersten Anmeldung ändern. / One-time password: change it after the first login.');
    } else {
      announce('  Passwort: aus LEITPLANKE_ADMIN_PASSWORD / password: from LEITPLANKE_ADMIN_PASSWORD');
    }
    announce('');
  }
}
