/** Entry point: mount the app. */
import { render } from 'preact';
import { App } from './app.js';
import { registerServiceWorker, startOfflineSync } from './offline/index.js';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
startOfflineSync();
registerServiceWorker();
