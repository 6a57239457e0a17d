import type { KindConfig } from '../config.ts';
import type { RegistryKind } from '../types.ts';
import { enterpriseConfig } from './enterprises.tsx';
import { institutionConfig } from './institutions.tsx';
import { stationConfig } from './stations.tsx';
import { talentConfig } from './talents.tsx';

export { enterpriseConfig, institutionConfig, stationConfig, talentConfig };

/** Each registry's configuration, by kind. */
export const KIND_CONFIGS: { [K in RegistryKind]: KindConfig<K> } = {
  talents: talentConfig,
  enterprises: enterpriseConfig,
  institutions: institutionConfig,
  stations: stationConfig,
};
