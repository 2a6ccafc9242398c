import { createRoot } from 'react-dom/client';
import { App } from './apps/App';
import { TillBoot } from './apps/TillBoot';
import { screenSetFromPath } from './core/runtime/screen-sets';
import { DEFAULT_LANGUAGE, isLanguage, setLanguage } from './i18n/i18n';
import './ui/styles.css';

// French unless the page asks for another language (?lang=en) until the
// till has a language setting of its own.
const asked = new URLSearchParams(window.location.search).get('lang');
void setLanguage(isLanguage(asked) ? asked : DEFAULT_LANGUAGE);

const root = document.getElementById('root');
if (root) {
  const screenSet = screenSetFromPath(window.location.pathname);
  createRoot(root).render(screenSet ? <TillBoot screenSet={screenSet} /> : <App screenSet={undefined} />);
}
