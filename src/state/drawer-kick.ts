import type { PosBridge } from '../core/bridge/pos-bridge';
import { t } from '../i18n/i18n';
import { bridgeErrorWords } from './device-words';

/** Cash went in: open the drawer (the kick goes through the printer). Returns the problem, in words, if any. */
export async function openDrawer(bridge: PosBridge | undefined): Promise<string | undefined> {
  if (!bridge) return undefined;
  const opened = await bridge.openDrawer();
  if (opened.ok || opened.error.code === 'device-not-configured') return undefined;
  return t('till.print.drawer', { words: bridgeErrorWords(opened.error) });
}
