import { type QueryKey, type UseMutationResult, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError, type FieldIssue } from './api.ts';
import { applyServerErrors } from './forms.ts';
import { regionPath, useRegions } from './regions.ts';
import { useCurrentUser } from './session.ts';

/** A mutation as a record form uses it: sent with its own callbacks, its state shown in the drawer. */
type Mutation<Variables, Saved> = Pick<
  UseMutationResult<Saved, Error, Variables>,
  'mutate' | 'isPending' | 'isError' | 'error'
>;

/** What the form needs of the record it edits. */
interface EditedRecord {
  id: string;
  /** The version the record was read at: an update sends it, and the server refuses a stale one. */
  version: number;
  regionCode?: string | null;
}

export interface RecordFormOptions<Values, Saved, Input, Body extends { version: number }> {
  form: FormInstance<Values>;
  /** The record being edited (as the form read it); null for a new one. */
  record: EditedRecord | null;
  /** Creates a record (through the module's routes client). */
  create: Mutation<Input, Saved>;
  /** Changes the record as read at its version. */
  update: Mutation<{ id: string; body: Body }, Saved>;
  /** The mutation whose state the drawer shows, when the form saves with another one; by default update for a record, create for a new one. */
  saving?: Pick<Mutation<never, unknown>, 'isPending' | 'isError' | 'error'>;
  /** The message once saved ("已保存", "已新建“…”"). */
  savedMessage: (saved: Saved) => string;
  onSaved?: (saved: Saved) => void;
  onClose: () => void;
  /**
   * What 重新加载 reads again after a version conflict (the form then closes, and reopening
   * shows the record as it is); without it 重新加载 only closes the form.
   */
  reload?: QueryKey;
  /**
   * The form field holding the region as a Cascader path, filled in once the region tree has
   * loaded (unless already chosen): the record's region, or for a new record with `ownForNew`
   * the caller's own — `own` when the form knows it (an enterprise's demand is where the
   * enterprise is), else the signed-in account's region when that is a county or a city.
   */
  region?: { field: string; ownForNew?: boolean; own?: string | null };
  /** Errors the server reports without a field (by code), and the form field they are about. */
  codeFields?: Readonly<Record<string, string>>;
  /** The form field a server error's path (`body.tags.3`) stands for; by default its last segment. */
  fieldName?: (path: string) => string;
}

/**
 * The mechanics every create/edit form drawer shares: the region filled in, the saved
 * message, the server's field errors put on the form's fields (else the message at the
 * top), and a version conflict told with 重新加载. `create` and `update` send with these;
 * `drawer` goes to FormDrawer.
 */
export function useRecordForm<Values, Saved, Input, Body extends { version: number }>(
  options: RecordFormOptions<Values, Saved, Input, Body>,
) {
  const { form, record, create, update, onClose, region, codeFields, fieldName } = options;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const regions = useRegions();
  const top = useRef<HTMLDivElement>(null);
  // The form by plain field names (the region field is named by the caller).
  const plainForm = form as unknown as FormInstance<Record<string, unknown>>;

  const own = region?.own !== undefined ? region.own : countyOrCity(me.regionCode);
  const regionCode = record ? (record.regionCode ?? null) : region?.ownForNew ? own : null;
  const regionField = region?.field;
  // The region tree may arrive after the form mounted: fill the region in unless already chosen.
  useEffect(() => {
    if (regionField && regions.data && regionCode && !plainForm.isFieldTouched(regionField)) {
      plainForm.setFieldValue(regionField, regionPath(regions.data, regionCode));
    }
  }, [plainForm, regions.data, regionField, regionCode]);

  // The version the form was opened at. The record may be read again while the form is open
  // (after a conflict): a second 保存 must still be refused, not overwrite the other change.
  const openedAt = useRef<{ id: string; version: number } | null>(null);
  if (record && openedAt.current?.id !== record.id) {
    openedAt.current = { id: record.id, version: record.version };
  }
  const close = () => {
    openedAt.current = null;
    onClose();
  };

  const saved = (result: Saved) => {
    void message.success(options.savedMessage(result));
    options.onSaved?.(result);
    close();
  };
  // Show what went wrong: the first field the server named (or the one its error is about),
  // else the message at the top.
  const failed = (error: unknown) => {
    const placed =
      error instanceof ApiError ? placeFieldErrors(plainForm, error, codeFields, fieldName) : null;
    if (placed) plainForm.scrollToField(placed, { block: 'center' });
    else top.current?.scrollIntoView({ block: 'start' });
  };
  const sent = { onSuccess: saved, onError: failed };

  const active = options.saving ?? (record ? update : create);
  const conflict = active.error instanceof ApiError && active.error.code === 'VERSION_CONFLICT';
  const reloadKey = options.reload;

  return {
    /** The region tree, and the path the region field starts at. */
    regions: regions.data,
    startRegion: regionPath(regions.data, regionCode),
    create: (input: Input) => create.mutate(input, sent),
    /** Sends the changes with the version the record was read at when the form opened. */
    update: (body: Omit<Body, 'version'>) => {
      if (!record || !openedAt.current) return;
      update.mutate({ id: record.id, body: { ...body, version: openedAt.current.version } as Body }, sent);
    },
    /** The callbacks for a form that saves with another mutation. */
    saved,
    failed,
    /** FormDrawer's props for saving, errors and the conflict. */
    drawer: {
      saving: active.isPending,
      onSave: () => form.submit(),
      onClose: close,
      error: active.isError ? active.error : null,
      conflict,
      onReload: reloadKey
        ? () => {
            void queryClient.invalidateQueries({ queryKey: reloadKey });
            close();
          }
        : undefined,
      top,
    },
  };
}

/**
 * Puts the server's field errors on the form: the fields it named (by `fieldName`), or the
 * field a code without fields is about. Returns the first field given an error, or null.
 */
function placeFieldErrors(
  form: FormInstance<Record<string, unknown>>,
  error: ApiError,
  codeFields: Readonly<Record<string, string>> = {},
  fieldName: (path: string) => string = (path) => path,
): string | null {
  const about = codeFields[error.code];
  const fields: FieldIssue[] =
    about && error.fields.length === 0
      ? [{ path: about, message: error.message }]
      : error.fields.map((field) => ({ ...field, path: fieldName(field.path) }));
  const named = new ApiError({
    code: error.code,
    message: error.message,
    status: error.status,
    requestId: error.requestId,
    fields,
  });
  if (!applyServerErrors(form, named)) return null;
  // applyServerErrors names a field by the last segment of the path, as here.
  const names = new Set(form.getFieldsError().map((field) => String(field.name[0])));
  return fields.map((field) => lastSegment(field.path)).find((name) => names.has(name)) ?? null;
}

/** A region code when it names a county or a city (a province office's region is too wide to be a record's). */
function countyOrCity(code: string): string | null {
  return /^\d{6}$/.test(code) && !code.endsWith('0000') ? code : null;
}

function lastSegment(path: string): string {
  return path.split(/[./]/).pop() ?? '';
}

/** The field a server path names once list positions are dropped: `body.tags.3` → `tags`. */
export function fieldOfPath(path: string): string {
  return (
    path
      .split(/[./]/)
      .filter((segment) => !/^\d+$/.test(segment))
      .pop() ?? ''
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value differs from the record's (absent and null are alike): what a patch sends. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  skip: readonly string[] = [],
): Partial<T> {
  const changed: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (skip.includes(key)) continue;
    if (!same(old[key], value)) changed[key] = value ?? null;
  }
  return changed as Partial<T>;
}

/** A new record's input without the fields left blank (they default to empty on the server). */
export function withoutBlanks<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}
