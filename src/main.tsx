import { createRoot } from 'react-dom/client';
import { App } from './apps/App';
import { screenSetFromPath } from './core/runtime/screen-sets';
import { loadRuntimeConfig } from './platform/runtime-config-client';
import { TillServicesContext } from './state/services-context';
import { startTillServices } from './state/till-services';
import './ui/styles.css';

async function boot(root: HTMLElement): Promise<void> {
  const screenSet = screenSetFromPath(window.location.pathname);
  if (!screenSet) {
    createRoot(root).render(<App screenSet={undefined} />);
    return;
  }
  const config = await loadRuntimeConfig();
  const services = await startTillServices(config, screenSet);
  createRoot(root).render(
    <TillServicesContext value={services}>
      <App screenSet={screenSet} />
    </TillServicesContext>,
  );
}

const root = document.getElementById('root');
if (root) {
  boot(root).catch((error: unknown) => {
    root.textContent = `Démarrage impossible : ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('data-testid', 'boot-error');
  });
}
