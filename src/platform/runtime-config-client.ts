import { type RuntimeConfig, runtimeConfigSchema } from '../core/runtime/runtime-config';

/** The host (agent or Electron's app:// protocol) serves the config same-origin. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/runtime-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`runtime config: HTTP ${response.status}`);
  const parsed = runtimeConfigSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`runtime config is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
