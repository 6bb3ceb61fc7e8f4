/**
 * Chronicle's web app, bundled by scripts/build-web.ts into web/app.js (the only script the page loads;
 * the CSP allows no inline script and no eval). Everything from the API is rendered as text nodes.
 */
import { App } from './app.js';

void new App(document, window).start();
