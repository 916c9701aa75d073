import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './feature-styles';
import { App } from './App';
import { getBridge } from './bridge';
import { initI18n } from './i18n';
import { startSync } from './store/sync';
import './styles.css';

initI18n();
startSync(getBridge());
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
