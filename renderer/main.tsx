import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './feature-styles';
import { App } from './App';
import { getBridge } from './bridge';
import { initTheme } from './features/theme/theme';
import { initI18n } from './i18n';
import { subscribeAll } from './subscriptions';
import './styles.css';

initI18n();
initTheme();
subscribeAll(getBridge());
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
