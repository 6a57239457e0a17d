import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Page } from '../users/api.ts';
import { postMultipart } from './transfer.ts';
import type {
  DictionaryEntry,
  DictionaryEntryBody,
  DictionaryKind,
  DictionaryKindItem,
  ImportJob,
  ProfileResponse,
  RegistryInputs,
  RegistryKind,
  RegistryListParams,
  RegistryViews,
  RevealResult,
} from './types.ts';

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
export const importKeys = {
  job: (id: string) => ['imports', 'job', id] as const,
};

const base = (kind: RegistryKind) => `/api/registry/${kind}`;
const one = (kind: RegistryKind, id: string) => `${base(kind)}/${encodeURIComponent(id)}`;

/** A page of a registry list; the server stops counting at 10,000 and then says so. */
export type RegistryPage<T> = Page<T> & { totalCapped?: boolean };

/** An edit: the changed fields and the version they were read at. */
export type RecordPatch<K extends RegistryKind> = Partial<RegistryInputs[K]> & { version: number };

// ---------- records ----------

export function useRegistryList<K extends RegistryKind>(kind: K, params: RegistryListParams) {
  return useQuery({
    queryKey: registryKeys.list(kind, params),
    queryFn: ({ signal }) => api.get<RegistryPage<RegistryViews[K]>>(base(kind), { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistryRecord<K extends RegistryKind>(kind: K, id: string) {
  return useQuery({
    queryKey: registryKeys.detail(kind, id),
    queryFn: ({ signal }) => api.get<RegistryViews[K]>(one(kind, id), undefined, signal),
  });
}

export function useCreateRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistryInputs[K]) => api.post<RegistryViews[K]>(base(kind), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useUpdateRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordPatch<K> }) =>
      api.patch<RegistryViews[K]>(one(kind, id), body),
    onSuccess: (record) => queryClient.setQueryData(registryKeys.detail(kind, record.id), record),
    // Other lists may show the record (an institution's expert count, a talent's employer).
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useArchiveRecord<K extends RegistryKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      api.post<RegistryViews[K]>(`${one(kind, id)}/archive`, { version, archived }),
    onSuccess: (record) => queryClient.setQueryData(registryKeys.detail(kind, record.id), record),
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/** The unmasked mobile and ID number; the server logs every call. */
export function useRevealRecord(kind: RegistryKind) {
  return useMutation({
    mutationFn: (id: string) => api.post<RevealResult>(`${one(kind, id)}/reveal`),
  });
}

// ---------- the account an expert's record is linked to ----------

export interface TalentAccount {
  account: { id: string; username: string; displayName: string; role: string } | null;
}

export function useTalentAccount(id: string) {
  return useQuery({
    queryKey: [...registryKeys.detail('talents', id), 'account'] as const,
    queryFn: ({ signal }) => api.get<TalentAccount>(`${one('talents', id)}/account`, undefined, signal),
  });
}

/** 关联账号 by username (null unlinks). */
export function useLinkTalentAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string | null) =>
      api.put<TalentAccount>(`${one('talents', id)}/account`, { username }),
    onSuccess: (result) =>
      queryClient.setQueryData([...registryKeys.detail('talents', id), 'account'], result),
  });
}

// ---------- my profile ----------

export function useProfile(enabled = true) {
  return useQuery({
    queryKey: profileKey,
    queryFn: ({ signal }) => api.get<ProfileResponse>('/api/profile', undefined, signal),
    enabled,
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown> & { version: number }) =>
      api.patch<ProfileResponse>('/api/profile', body),
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
    queryFn: ({ signal }) => api.get<{ items: DictionaryKindItem[] }>('/api/dictionaries', undefined, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Every entry of a code list, inactive ones included. */
export function useDictionary(kind: DictionaryKind, enabled = true) {
  return useQuery({
    queryKey: dictionaryKeys.entries(kind),
    queryFn: ({ signal }) =>
      api.get<{ items: DictionaryEntry[] }>(`/api/dictionaries/${kind}`, undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSaveDictionaryEntry(kind: DictionaryKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: DictionaryEntryBody }) =>
      api.put<DictionaryEntry>(`/api/dictionaries/${kind}/${encodeURIComponent(code)}`, body),
    onSuccess: async () => {
      // Records show entry names, so they may read differently now.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dictionaryKeys.all }),
        queryClient.invalidateQueries({ queryKey: registryKeys.all }),
      ]);
    },
  });
}

// ---------- imports ----------

/** Uploads a spreadsheet for preview: nothing is written until the job is committed. */
export function useUploadImport(kind: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return postMultipart<ImportJob>(`/api/imports/${kind}`, form);
    },
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}/commit`),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

/** Gives up a previewed job: the server drops the uploaded file (it holds personal data) at once. */
export function useAbandonImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}/abandon`),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

export const IMPORT_POLL_MS = 700;

/**
 * The job, polled while it is committing — and, once a commit was asked for,
 * while it still reads as previewed (the commit may not have claimed it yet).
 */
export function useImportJob(id: string | null, awaitingCommit = false) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<ImportJob>(`/api/import-jobs/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'committing' || (awaitingCommit && status === 'previewed') ? IMPORT_POLL_MS : false;
    },
  });
}
