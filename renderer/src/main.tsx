import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/startApp';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/sites.css';
import './styles/feedback.css';
import './styles/dialog.css';
import './styles/forms.css';
import './styles/toolbar.css';
import './styles/details.css';
import './styles/settings.css';

startApp();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
