import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeviceHost } from '../host/load-device-host';
import { agentConfigFromEnv } from './agent-config';
import { startAgent } from './agent-server';

async function main(): Promise<void> {
  const config = agentConfigFromEnv();
  if (!existsSync(join(config.rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${config.rendererDir}: run \`npm run build\` first`);
  }
  const host = await loadDeviceHost({
    devices: process.env.TILL_DEVICES ?? 'simulated',
    dataDir: process.env.TILL_DATA_DIR ?? '.data/hardware',
  });
  const agent = await startAgent(config, host);
  process.stdout.write(`${JSON.stringify({ event: 'ready', service: 'hardware-agent', url: agent.url })}\n`);
  const shutdown = async () => {
    await agent.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('hardware agent failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
