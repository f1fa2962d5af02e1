import type { Permission } from '@shared/permissions';
import type { ParseKeys } from 'i18next';

/** A module of PCMT as shown in the side menu. */
export interface NavModule {
  key: string;
  labelKey: ParseKeys;
  /** Route of a working page; absent while the module is still being built. */
  to?: '/' | '/units' | '/agencies' | '/admin/users' | '/audit' | '/break-glass';
  /** Shown only to users holding this permission (a list: any one of them). */
  permission?: Permission | readonly Permission[];
}

/** Whether a user holding `permissions` sees the module (modules without a permission are for all). */
export function mayOpen(module: NavModule, permissions: readonly string[]): boolean {
  if (module.permission === undefined) return true;
  const needed: readonly Permission[] = typeof module.permission === 'string' ? [module.permission] : module.permission;
  return needed.some((permission) => permissions.includes(permission));
}

/**
 * The work modules in the order officers meet them in their work. Only the home page exists
 * today; the others are listed (disabled, marked "coming soon") so that the menu already shows
 * where each function will live, without pretending pages that do not exist.
 */
export const WORK_MODULES: NavModule[] = [
  { key: 'home', labelKey: 'nav.home', to: '/' },
  { key: 'tasks', labelKey: 'nav.tasks' },
  { key: 'plans', labelKey: 'nav.plans' },
  { key: 'subjects', labelKey: 'nav.subjects' },
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
