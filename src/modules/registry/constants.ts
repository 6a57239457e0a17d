/**
 * The registries' code values that the web shares. Pure data: the web bundles
 * this file.
 */

/** 人才 (experts among them), 企业, 机构, 驿站. */
export const REGISTRY_KINDS = ['talents', 'enterprises', 'institutions', 'stations'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const INSTITUTION_KINDS = ['university', 'institute', 'society', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const STATION_KINDS = ['station', 'workstation'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** How a registry list can be sorted. */
export const RECORD_SORTS = ['name', 'updatedAt', 'code'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
