import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './feature-styles';
import { App } from './App';
import { getBridge } from './bridge';
import { initI18n } from './i18n';
import { subscribeAll } from './subscriptions';
import './styles.css';

initI18n();
subscribeAll(getBridge());
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
