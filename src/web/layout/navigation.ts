import type { Permission, Role } from '@shared/permissions';
import type { ParseKeys } from 'i18next';

/** A module of PCMT as shown in the side menu. */
export interface NavModule {
  key: string;
  labelKey: ParseKeys;
  /** Route of a working page; absent while the module is still being built. */
  to?:
    | '/'
    | '/units'
    | '/agencies'
    | '/admin/users'
    | '/audit'
    | '/break-glass'
    | '/persons'
    | '/work-queue'
    | '/legal-rules'
    | '/calendar'
    | '/plans';
  /** Shown only to users holding this permission (a list: any one of them). */
  permission?: Permission | readonly Permission[];
  /** Shown only to users holding one of these roles (modules whose access also depends on the agency). */
  roles?: readonly Role[];
}

/**
 * Whether a user holding `permissions` and `roles` sees the module (modules without a permission
 * or roles are for all).
 */
export function mayOpen(module: NavModule, permissions: readonly string[], roles: readonly string[] = []): boolean {
  if (module.roles !== undefined && !module.roles.some((role) => roles.includes(role))) return false;
  if (module.permission === undefined) return true;
  const needed: readonly Permission[] = typeof module.permission === 'string' ? [module.permission] : module.permission;
  return needed.some((permission) => permissions.includes(permission));
}

/**
 * The person registry (đối tượng & hồ sơ quản lý). Who reads it depends on role AND agency
 * (`accessFor(role, agency, 'person')`); the session has no agency kind, so the menu goes by the
 * roles that can have it and the server answers 403 or an empty list to the rest.
 */
export const PERSON_REGISTRY_ROLES: readonly Role[] = [
  'commune_officer',
  'provincial_officer',
  'provincial_lead',
  'facility_staff',
];

/** Roles offered the registration and edit forms (the police officers; the server checks the agency). */
export const PERSON_WRITE_ROLES: readonly Role[] = ['commune_officer', 'provincial_officer'];

/**
 * The work modules in the order officers meet them in their work. Modules without a route are
 * listed (disabled, marked "coming soon") so that the menu already shows where each function will
 * live, without pretending pages that do not exist.
 */
export const WORK_MODULES: NavModule[] = [
  { key: 'home', labelKey: 'nav.home', to: '/' },
  // "Việc cần làm": the work queue, everyone's (USER-JOURNEYS.md); empty for those without items.
  { key: 'tasks', labelKey: 'nav.tasks', to: '/work-queue' },
  // The legal rules and the working-day calendar the deadlines are counted with: everyone reads them.
  { key: 'legalRules', labelKey: 'legalRules.nav.rules', to: '/legal-rules' },
  { key: 'calendar', labelKey: 'legalRules.nav.calendar', to: '/calendar' },
  // Plans, their tasks and the progress reports: every unit keeps or reports on some (issue 6).
  { key: 'plans', labelKey: 'nav.plans', to: '/plans' },
  { key: 'subjects', labelKey: 'nav.subjects', to: '/persons', roles: PERSON_REGISTRY_ROLES },
  { key: 'hotspots', labelKey: 'nav.hotspots' },
  { key: 'cases', labelKey: 'nav.cases' },
  { key: 'outreach', labelKey: 'nav.outreach' },
  { key: 'reports', labelKey: 'nav.reports' },
];

/** Reference data (danh mục) pages, grouped under their own heading. */
export const REFERENCE_MODULES: NavModule[] = [
  { key: 'units', labelKey: 'nav.units', to: '/units' },
  { key: 'agencies', labelKey: 'nav.agencies', to: '/agencies' },
];

/**
 * Break-the-glass (truy cập khẩn cấp): officers see their own grants, supervisors (provincial
 * lead, auditor) the grants they review. Its own entry, not under "Quản trị": most who use it are
 * officers, who have no administration page.
 */
export const BREAK_GLASS_PERMISSIONS: readonly Permission[] = ['break_glass:request', 'break_glass:review'];
export const BREAK_GLASS_MODULE: NavModule = {
  key: 'breakGlass',
  labelKey: 'nav.breakGlass',
  to: '/break-glass',
  permission: BREAK_GLASS_PERMISSIONS,
};

/**
 * Administration (quản trị): accounts for the system administrator, the audit log for the
 * auditor. Separation of duties: neither sees the other's page (src/shared/permissions.ts).
 */
export const ADMIN_MODULES: NavModule[] = [
  { key: 'users', labelKey: 'nav.users', to: '/admin/users', permission: 'user:manage' },
  { key: 'audit', labelKey: 'nav.audit', to: '/audit', permission: 'audit:read' },
];

/** The menu key to highlight for a path: the module whose route is the longest prefix. */
export function navKeyForPath(pathname: string): string | undefined {
  const routed = [...WORK_MODULES, BREAK_GLASS_MODULE, ...REFERENCE_MODULES, ...ADMIN_MODULES].filter(
    (module) => module.to !== undefined,
  );
  const match = routed
    .filter(({ to = '' }) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)))
    .sort((a, b) => (b.to?.length ?? 0) - (a.to?.length ?? 0))[0];
  return match?.key;
}
