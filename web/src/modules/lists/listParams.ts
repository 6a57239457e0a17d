import { listParams, param } from '../../app/listParams.ts';
import { LIST_SORTS, LIST_STATUSES, type ListFilters } from './types.ts';

/** A list's URL parameters (technical demands, talent demands, achievements alike). */
export const listItemParams = listParams<ListFilters>(
  {
    q: param.text(64),
    regionCode: param.region,
    status: param.oneOf(LIST_STATUSES),
    industry: param.code,
    discipline: param.code,
    cluster: param.text(64),
    mine: param.flag,
    flagged: param.flag,
    sort: param.oneOf(LIST_SORTS),
  },
  { sort: 'updatedAt' },
);
