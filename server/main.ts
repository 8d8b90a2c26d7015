import { buildApp } from './app.js';
import { configOrExit } from './cli.js';
import { createContext } from './context.js';
import { migrateToLatest } from './db/migrations/index.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo/demo-content.js';
import { seedDemo } from './demo/seed-demo.js';
import { RUNNING_FROM_SOURCES } from './paths.js';

/** Reads config, builds the context, migrates, listens. Nothing else lives here. */
export async function main(): Promise<void> {
  const config = configOrExit();
  const ctx = await createContext(config);
  const applied = await migrateToLatest(ctx.database);
  if (applied.length) ctx.log.info({ applied }, 'migrations applied');
  const app = await buildApp(ctx);
  if (process.env.KUAAN_DEMO === '1') {
    const { seeded } = await seedDemo(app, config.publicUrl);
    console.log(
      `${seeded ? 'Seeded' : 'Found'} the demo community. Sign in as ${DEMO_PEOPLE.map((p) => p.handle).join(', ')} with password "${DEMO_PASSWORD}".`,
    );
  }
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const code = RUNNING_FROM_SOURCES ? 'the TypeScript sources' : 'the build in dist/';
  console.log(`Kuaan is running at http://${shown}:${port} (database: ${ctx.database.describe}; code: ${code})`);

  const shutdown = async (signal: string) => {
    // SQLite (ADR 0012): how well group commit batched this run (transactions per COMMIT).
    ctx.log.info({ signal, groupCommit: ctx.database.groupCommit?.stats }, 'shutting down');
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
