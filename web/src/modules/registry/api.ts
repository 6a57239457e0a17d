import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, routes } from '../../app/api.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import type {
  DictionaryEntryBody,
  DictionaryKind,
  DictionaryRoutes,
  ProfileRoutes,
  RecordPatch,
  RegistryInputs,
  RegistryKind,
  RegistryListParams,
  RegistryRoutes,
} from './types.ts';

/** The caller of one registry's routes (the reply types follow the kind). */
const registry = <K extends RegistryKind>(_kind: K) => routes<RegistryRoutes<K>>();
const profile = routes<ProfileRoutes>();
const dictionary = routes<DictionaryRoutes>();

export const registryKeys = {
  all: ['registry'] as const,
  kind: (kind: RegistryKind) => ['registry', kind] as const,
  list: (kind: RegistryKind, params: RegistryListParams) => ['registry', kind, 'list', params] as const,
  detail: (kind: RegistryKind, id: string) => ['registry', kind, 'detail', id] as const,
};
export const profileKey = ['profile'] as const;
export const dictionaryKeys = {
  all: ['dictionaries'] as const,
  kinds: ['dictionaries', 'kinds'] as const,
  entries: (kind: DictionaryKind) => ['dictionaries', 'entries', kind] as const,
};
/** What a registry or code-list import changes: records and the code lists. */
export const REGISTRY_DATA = [registryKeys.all, dictionaryKeys.all] as const;

// ---------- records ----------

export function useRegistryList<K extends RegistryKind>(kind: K, params: RegistryListParams) {
  return useQuery({
    queryKey: registryKeys.list(kind, params),
    queryFn: ({ signal }) =>
      registry(kind)('GET /api/registry/:kind', { params: { kind }, query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegistryRecord<K extends RegistryKind>(kind: K, id: string) {
  return useQuery({
    queryKey: registryKeys.detail(kind, id),
    queryFn: ({ signal }) => registry(kind)('GET /api/registry/:kind/:id', { params: { kind, id }, signal }),
  });
}

export function useCreateRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistryInputs[K]) =>
      registry(kind)('POST /api/registry/:kind', { params: { kind }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useUpdateRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordPatch<K> }) =>
      registry(kind)('PATCH /api/registry/:kind/:id', { params: { kind, id }, body }),
    onSuccess: (record) => queryClient.setQueryData(registryKeys.detail(kind, record.id), record),
    // Other lists may show the record (an institution's expert count, a talent's employer).
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useArchiveRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      registry(kind)('POST /api/registry/:kind/:id/archive', {
        params: { kind, id },
        body: { version, archived },
      }),
    onSuccess: (record) => queryClient.setQueryData(registryKeys.detail(kind, record.id), record),
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/** The unmasked mobile and ID number; the server logs every call. */
export function useRevealRecord(kind: RegistryKind) {
  return useMutation({
    mutationFn: (id: string) =>
      registry(kind)('POST /api/registry/:kind/:id/reveal', { params: { kind, id } }),
  });
}

// ---------- the account an expert's record is linked to ----------

export function useTalentAccount(id: string) {
  return useQuery({
    queryKey: [...registryKeys.detail('talents', id), 'account'] as const,
    queryFn: ({ signal }) => profile('GET /api/registry/talents/:id/account', { params: { id }, signal }),
  });
}

/** 关联账号 by username (null unlinks). */
export function useLinkTalentAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string | null) =>
      profile('PUT /api/registry/talents/:id/account', { params: { id }, body: { username } }),
    onSuccess: (result) =>
      queryClient.setQueryData([...registryKeys.detail('talents', id), 'account'], result),
  });
}

// ---------- my profile ----------

export function useProfile(enabled = true) {
  return useQuery({
    queryKey: profileKey,
    queryFn: ({ signal }) => profile('GET /api/profile', { signal }),
    enabled,
  });
}

/**
 * 所属机构 as the signed-in person would name it: the account's organisation, or
 * for an expert whose account belongs to none, the 工作单位 of their own record.
 */
export function useOwnOrganisationName(): string | null {
  const me = useCurrentUser();
  const ownRecord = me.organisationName === null && me.role === 'expert' && hasPermission(me, 'profile.own');
  const { data } = useProfile(ownRecord);
  if (me.organisationName !== null) return me.organisationName;
  return data?.kind === 'talents' ? data.record.employerName : null;
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<ProfileRoutes['PATCH /api/profile']>) =>
      profile('PATCH /api/profile', { body }),
    onSuccess: (profile) => queryClient.setQueryData(profileKey, profile),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: profileKey }),
        queryClient.invalidateQueries({ queryKey: registryKeys.all }),
      ]);
    },
  });
}

// ---------- dictionaries ----------

export function useDictionaryKinds() {
  return useQuery({
    queryKey: dictionaryKeys.kinds,
    queryFn: ({ signal }) => dictionary('GET /api/dictionaries', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Every entry of a code list, inactive ones included. */
export function useDictionary(kind: DictionaryKind, enabled = true) {
  return useQuery({
    queryKey: dictionaryKeys.entries(kind),
    queryFn: ({ signal }) => dictionary('GET /api/dictionaries/:kind', { params: { kind }, signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSaveDictionaryEntry(kind: DictionaryKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: DictionaryEntryBody }) =>
      dictionary('PUT /api/dictionaries/:kind/:code', { params: { kind, code }, body }),
    onSuccess: async () => {
      // Records show entry names, so they may read differently now.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dictionaryKeys.all }),
        queryClient.invalidateQueries({ queryKey: registryKeys.all }),
      ]);
    },
  });
}
