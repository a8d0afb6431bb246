import { createRoot } from 'react-dom/client';
import { start } from 'single-spa';
import { loadSession } from './auth/session';
import { createAreaStatus } from './areas/areaStatus';
import { registerAreas } from './areas/registerAreas';
import { loadLocale } from './localeChoice';
import { createShellState } from './shellState';
import { SHELL_CSS } from './shellStyles';
import { ShellApp } from './ShellApp';

// The areas and the shell call the API on the page's own origin; the shell's server proxies it.
const API_BASE_URL = '/api/v1';

const shell = createShellState({
  session: loadSession(window.localStorage, new Date()),
  locale: loadLocale(window.localStorage, navigator.languages),
  apiBaseUrl: API_BASE_URL,
});
const status = createAreaStatus();

const style = document.createElement('style');
style.textContent = SHELL_CSS;
document.head.appendChild(style);
document.documentElement.dataset['shellVersion'] = __MFE_VERSION__;

registerAreas({ props: shell.props, canMount: shell.canMount, status });
const container = document.getElementById('root');
if (!container) throw new Error('the page has no #root element');
createRoot(container).render(<ShellApp shell={shell} status={status} apiBaseUrl={API_BASE_URL} />);
start({ urlRerouteOnly: true });
