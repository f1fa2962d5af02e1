import { createRootRoute, createRoute, createRouter, lazyRouteComponent, type RouterHistory } from '@tanstack/react-router';
import { AgenciesSearch } from './features/agencies/agencies-search';
import { HomePage } from './features/home/HomePage';
import { UnitsSearch } from './features/units/units-search';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RouteErrorPage } from './layout/RouteErrorPage';
import { parseSearch, stringifySearch } from './search-params';

/**
 * Code-based route tree. Pages other than the home page are loaded on first visit, so the
 * first screen does not wait for the tree and table code.
 */
const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units',
  validateSearch: UnitsSearch,
  component: lazyRouteComponent(() => import('./features/units/UnitsPage'), 'UnitsPage'),
});

const agenciesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agencies',
  validateSearch: AgenciesSearch,
  component: lazyRouteComponent(() => import('./features/agencies/AgenciesPage'), 'AgenciesPage'),
});

const routeTree = rootRoute.addChildren([homeRoute, unitsRoute, agenciesRoute]);

export function createAppRouter(options: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    history: options.history,
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
