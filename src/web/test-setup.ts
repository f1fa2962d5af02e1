/**
 * Set-up for component tests in happy-dom: what antd expects from a browser, i18n in
 * Vietnamese (the default language), and a clean DOM, storage, fetch and CSRF token after every test.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { setCsrfToken } from './api/client';
import { i18n, initI18n } from './i18n';

// antd's Grid, Sider breakpoints and Segmented read media queries; happy-dom's may be partial.
if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
}

initI18n('vi');

// The first visit of a page loads its code (lazy routes) after the session check; on a busy
// machine running two test files at once that alone can pass testing-library's 1 s default.
configure({ asyncUtilTimeout: 4000 });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
  // The CSRF token lives in module memory, as in the browser; no test inherits another's.
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
