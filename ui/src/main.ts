import { mount } from 'svelte';
// Be Vietnam Pro, bundled (served from the app itself: CSP font-src 'self'); each weight covers the
// Vietnamese, Latin Extended and Latin ranges.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/400-italic.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
