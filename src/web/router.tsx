import type { Permission, Role } from '@shared/permissions';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import { AuthRequiredRedirect } from './auth/AuthRequiredRedirect';
import { RequirePermission, RequireRole } from './auth/RequirePermission';
import { sessionQuery } from './auth/session';
import { AgenciesSearch } from './features/agencies/agencies-search';
import { AuditSearch } from './features/audit/audit-search';
import { BreakGlassSearch } from './features/break-glass/break-glass-search';
import { HomePage } from './features/home/HomePage';
import { LoginPage } from './features/login/LoginPage';
import { LoginSearch } from './features/login/login-search';
import { PersonPageSearch, PersonsSearch } from './features/persons/persons-search';
import { PlanPageSearch, PlansSearch } from './features/plans/plans-search';
import { UnitsSearch } from './features/units/units-search';
import { UsersSearch } from './features/users/users-search';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { BREAK_GLASS_PERMISSIONS, PERSON_REGISTRY_ROLES, PERSON_WRITE_ROLES } from './layout/navigation';
import { RouteErrorPage } from './layout/RouteErrorPage';
import { parseSearch, stringifySearch } from './search-params';

export interface RouterContext {
  queryClient: QueryClient;
}

function RootComponent() {
  return (
    <>
      <AuthRequiredRedirect />
      <Outlet />
    </>
  );
}

/**
 * Code-based route tree. `/login` stands alone; every other page sits in the `_app` layout
 * (header, side menu), which lets only active sessions in. Pages other than the home and login
 * pages are loaded on first visit, so the first screen does not wait for their code.
 */
const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootComponent,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: LoginSearch,
  component: LoginPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery());
    if (session?.stage !== 'active') {
      // Back to this very page (and its filters) after login.
      throw redirect({ to: '/login', search: { next: location.href === '/' ? undefined : location.href }, replace: true });
    }
  },
});

/**
 * A lazily loaded page that only users holding `permission` (given a list: any one) see. The page's `preload` is passed
 * on, so that the router still loads its code before rendering (as for the other lazy pages).
 */
function guarded(permission: Permission | readonly Permission[], Page: RouteComponent) {
  function GuardedPage() {
    return (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    );
  }
  GuardedPage.preload = Page.preload;
  return GuardedPage;
}

/** A lazily loaded page for users holding one of `roles` (pages whose access is by role and agency). */
function forRoles(roles: readonly Role[], Page: RouteComponent) {
  function RolePage() {
    return (
      <RequireRole roles={roles}>
        <Page />
      </RequireRole>
    );
  }
  RolePage.preload = Page.preload;
  return RolePage;
}

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: UnitsSearch,
  component: lazyRouteComponent(() => import('./features/units/UnitsPage'), 'UnitsPage'),
});

const agenciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agencies',
  validateSearch: AgenciesSearch,
  component: lazyRouteComponent(() => import('./features/agencies/AgenciesPage'), 'AgenciesPage'),
});

const mySessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/me/sessions',
  component: lazyRouteComponent(() => import('./features/sessions/MySessionsPage'), 'MySessionsPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  validateSearch: UsersSearch,
  component: guarded(
    'user:manage',
    lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage'),
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: AuditSearch,
  component: guarded(
    'audit:read',
    lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage'),
  ),
});

const breakGlassRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/break-glass',
  validateSearch: BreakGlassSearch,
  component: guarded(
    BREAK_GLASS_PERMISSIONS,
    lazyRouteComponent(() => import('./features/break-glass/BreakGlassPage'), 'BreakGlassPage'),
  ),
});

/**
 * The person registry. Names never appear in these addresses: the list keeps only filters that
 * identify nobody, and a person's page is addressed by the record id.
 */
const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons',
  validateSearch: PersonsSearch,
  component: forRoles(
    PERSON_REGISTRY_ROLES,
    lazyRouteComponent(() => import('./features/persons/PersonsPage'), 'PersonsPage'),
  ),
});

const personCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/new',
  component: forRoles(
    PERSON_WRITE_ROLES,
    lazyRouteComponent(() => import('./features/persons/PersonCreatePage'), 'PersonCreatePage'),
  ),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id',
  validateSearch: PersonPageSearch,
  component: forRoles(
    PERSON_REGISTRY_ROLES,
    lazyRouteComponent(() => import('./features/persons/PersonPage'), 'PersonPage'),
  ),
});

/** Bulk registration from a filled-in template: the file never appears in an address. */
const personImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/import',
  component: forRoles(
    PERSON_WRITE_ROLES,
    lazyRouteComponent(() => import('./features/person-import/PersonImportPage'), 'PersonImportPage'),
  ),
});

const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id/edit',
  component: forRoles(
    PERSON_WRITE_ROLES,
    lazyRouteComponent(() => import('./features/persons/PersonEditPage'), 'PersonEditPage'),
  ),
});

/** "Việc cần làm": what waits for the user's unit (transfers to acknowledge, …). */
const workQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-queue',
  component: lazyRouteComponent(() => import('./features/work-queue/WorkQueuePage'), 'WorkQueuePage'),
});

/** "Quy tắc pháp luật": the legal rule sets by period (everyone reads; the administrator overrides unconfirmed values). */
const legalRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/legal-rules',
  component: lazyRouteComponent(() => import('./features/legal-rules/LegalRulesPage'), 'LegalRulesPage'),
});

/** "Lịch làm việc": a year's days off and the working-day deadline tool. */
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  component: lazyRouteComponent(() => import('./features/legal-rules/CalendarPage'), 'CalendarPage'),
});

/** "Kế hoạch": the plans of the unit, their tasks and the reports on them (issue 6). The server decides who sees which plan. */
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: PlansSearch,
  component: lazyRouteComponent(() => import('./features/plans/PlansPage'), 'PlansPage'),
});

/** A plan from its document: the file goes to the server for reading, never into an address. */
const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/import',
  component: lazyRouteComponent(() => import('./features/plans/PlanImportPage'), 'PlanImportPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$planId',
  validateSearch: PlanPageSearch,
  component: lazyRouteComponent(() => import('./features/plans/PlanPage'), 'PlanPage'),
});

/** Any other address: "not found", inside the layout and only after login (it reveals nothing before). */
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    unitsRoute,
    agenciesRoute,
    mySessionsRoute,
    usersRoute,
    auditRoute,
    breakGlassRoute,
    personsRoute,
    personCreateRoute,
    personImportRoute,
    personRoute,
    personEditRoute,
    workQueueRoute,
    legalRulesRoute,
    calendarRoute,
    plansRoute,
    planImportRoute,
    planRoute,
    notFoundRoute,
  ]),
]);

export function createAppRouter(options: { queryClient: QueryClient; history?: RouterHistory }) {
  return createRouter({
    routeTree,
    context: { queryClient: options.queryClient },
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
