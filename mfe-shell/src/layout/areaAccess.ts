import type { Role } from '@c360/mfe-kit';
import type { AreaName } from '../remotes/manifest';

/** Who sees which area in the navigation: the same roles the API lets read that area's data. */
export const AREA_ROLES: Record<AreaName, readonly Role[]> = {
  customers: ['agent', 'marketer', 'manager', 'admin'],
  analytics: ['marketer', 'manager', 'admin'],
  inbox: ['agent', 'manager', 'admin'],
};

export const canSeeArea = (roles: readonly Role[], area: AreaName): boolean =>
  roles.some((role) => AREA_ROLES[area].includes(role));

export const visibleAreas = (roles: readonly Role[]): AreaName[] =>
  (Object.keys(AREA_ROLES) as AreaName[]).filter((area) => canSeeArea(roles, area));
