import { useQuery } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import type { WorkbenchRoutes } from './types.ts';

export const workbenchKeys = { all: ['workbench'] as const };

const call = routes<WorkbenchRoutes>();

/** 工作台: the caller's tasks and their counts, asked again each time the home page opens. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKeys.all,
    queryFn: () => call('GET /api/workbench'),
    // What waits changes with every action taken elsewhere: a stale count would send people astray.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
