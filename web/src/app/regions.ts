import type { RegionNode } from '@server/reference/regions.ts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { routes } from './api.ts';

export type { RegionNode };

type ReferenceRoutes = {
  /** The route declares no response schema: its answer is regionTree()'s. */
  'GET /api/reference/regions': { reply: z.ZodType<RegionNode[]> };
};
const call = routes<ReferenceRoutes>();

export const regionsKey = ['reference', 'regions'] as const;

/** The division tree; it does not change while the page is open. */
export function useRegions() {
  return useQuery({
    queryKey: regionsKey,
    queryFn: ({ signal }) => call('GET /api/reference/regions', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The codes from the province down to `code`, for a Cascader value; empty when unknown. */
export function regionPath(
  tree: readonly RegionNode[] | undefined,
  code: string | null | undefined,
): string[] {
  if (!tree || !code) return [];
  for (const node of tree) {
    if (node.value === code) return [node.value];
    if (node.children) {
      const below = regionPath(node.children, code);
      if (below.length > 0) return [node.value, ...below];
    }
  }
  return [];
}

/**
 * The part of the tree an account may pick from: the branch of its own region
 * (湖州市 with its counties) as the only root; the whole tree when `code` is
 * absent (an account that sees every region). Empty while the tree loads.
 */
export function regionBranch(
  tree: readonly RegionNode[] | undefined,
  code: string | null | undefined,
): RegionNode[] {
  if (!tree) return [];
  if (!code) return [...tree];
  let level: readonly RegionNode[] | undefined = tree;
  let node: RegionNode | undefined;
  for (const part of regionPath(tree, code)) {
    node = level?.find((candidate) => candidate.value === part);
    level = node?.children;
  }
  return node ? [node] : [];
}

/** The code a Cascader path stands for: its last, most specific element. */
export function regionCodeOf(path: readonly string[] | undefined): string | undefined {
  return path && path.length > 0 ? path[path.length - 1] : undefined;
}

/**
 * The region a filter form asks for: the one picked from the tree, or (while the tree loads and
 * the field still holds the code in force) that code; none when the field was cleared.
 */
export function regionFilter(
  path: readonly string[] | undefined,
  inForce: string | undefined,
): string | undefined {
  return regionCodeOf(path) ?? (path === undefined ? undefined : inForce);
}

/**
 * The names from the province down to `code`, e.g. 浙江省 / 湖州市, for a view
 * that carries only the code; the code itself until the tree has loaded (or when unknown).
 */
export function regionPathLabel(tree: readonly RegionNode[] | undefined, code: string): string {
  const names: string[] = [];
  let level = tree;
  for (const part of regionPath(tree, code)) {
    const node = level?.find((candidate) => candidate.value === part);
    if (!node) break;
    names.push(node.label);
    level = node.children;
  }
  return names.length > 0 ? names.join(' / ') : code;
}
