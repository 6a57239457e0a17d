import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../app/api.ts';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { applyServerErrors } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { regionPath, useRegions } from '../../app/regions.ts';
import { profileKey, registryKeys, useCreateRecord, useUpdateProfile, useUpdateRecord } from './api.ts';
import { type FormMode, type FormValues, type KindConfig, PROFILE_LOCKED_FIELDS } from './config.ts';
import type { RecordPatch, RegistryInputs, RegistryKind, RegistryViews } from './types.ts';

interface Props<K extends RegistryKind> {
  config: KindConfig<K>;
  /** null creates a new record. */
  record: RegistryViews[K] | null;
  mode: FormMode;
  onClose: () => void;
  onSaved?: (record: RegistryViews[K]) => void;
}

/** The form's starting values for a record. */
function valuesOf<K extends RegistryKind>(
  config: KindConfig<K>,
  record: RegistryViews[K],
  tree: Parameters<typeof regionPath>[0],
): FormValues<K> {
  const { regionCode, regionText: _text, ...rest } = config.toInput(record);
  return { ...rest, region: regionPath(tree, regionCode) } as FormValues<K>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value differs from the record's (absent and null are alike). */
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

/**
 * The server names fields as `body.mobile` or `body.tags.3`; the form knows
 * `mobile`, `tags` and `region` (for regionCode).
 */
function withFormNames(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const taken = TAKEN_FIELDS[error.code];
  return new ApiError({
    code: error.code,
    message: error.message,
    status: error.status,
    requestId: error.requestId,
    fields:
      taken && error.fields.length === 0
        ? [{ path: taken, message: error.message }]
        : error.fields.map((field) => {
            const segments = field.path.split(/[./]/).filter((segment) => !/^\d+$/.test(segment));
            const name = segments.pop() ?? '';
            return { ...field, path: name === 'regionCode' || name === 'regionText' ? 'region' : name };
          }),
  });
}

/** Duplicates the server reports without a field, and the field they are about. */
const TAKEN_FIELDS: Record<string, string> = {
  REGISTRY_CODE_TAKEN: 'code',
  REGISTRY_ID_NUMBER_TAKEN: 'idNumber',
  REGISTRY_CREDIT_CODE_TAKEN: 'creditCode',
};

/** Creates or edits a record of any kind; the kind supplies its fields. */
export function RecordFormDrawer<K extends RegistryKind>({
  config,
  record,
  mode,
  onClose,
  onSaved,
}: Props<K>) {
  const t = useT();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues<K>>();
  // The form by plain field names (the generic one cannot name the fields every kind shares).
  const plainForm = form as unknown as FormInstance<Record<string, unknown>>;
  const top = useRef<HTMLDivElement>(null);
  const regions = useRegions();
  const create = useCreateRecord(config.kind);
  const update = useUpdateRecord(config.kind);
  const profile = useUpdateProfile();
  const mutation = mode === 'create' ? create : mode === 'edit' ? update : profile;
  const noun = t(config.nounKey);

  // The region tree may arrive after the form mounted: fill the region in unless already chosen.
  const regionCode = record?.regionCode ?? null;
  useEffect(() => {
    if (regions.data && regionCode && !plainForm.isFieldTouched('region')) {
      plainForm.setFieldValue('region', regionPath(regions.data, regionCode));
    }
  }, [plainForm, regions.data, regionCode]);

  const saved = (result: RegistryViews[K]) => {
    void message.success(
      mode === 'create' ? t('registry.created', { name: result.name }) : t('registry.updated'),
    );
    onSaved?.(result);
    onClose();
  };
  // Show what went wrong: the first field the server named, else the message at the top.
  const failed = (error: unknown) => {
    const named = withFormNames(error);
    const field = named instanceof ApiError ? named.fields[0]?.path : undefined;
    if (applyServerErrors(form, named) && field && plainForm.getFieldInstance(field)) {
      plainForm.scrollToField(field, { block: 'center' });
    } else {
      top.current?.scrollIntoView({ block: 'start' });
    }
  };

  const onFinish = (values: FormValues<K>) => {
    const next = config.fromValues(values, record);
    if (!record || mode === 'create') {
      create.mutate(withoutBlanks(next), { onSuccess: saved, onError: failed });
      return;
    }
    const before = config.toInput(record);
    if (!plainForm.isFieldTouched('region')) {
      next.regionCode = before.regionCode;
      next.regionText = before.regionText;
    }
    const changed = changedFields<RegistryInputs[K]>(
      before,
      next,
      mode === 'profile' ? PROFILE_LOCKED_FIELDS : [],
    );
    if (Object.keys(changed).length === 0) {
      void message.info(t('registry.noChanges'));
      onClose();
      return;
    }
    const patch = { ...changed, version: record.version };
    if (mode === 'profile') {
      profile.mutate(patch, {
        onSuccess: (result) => saved(result.record as RegistryViews[K]),
        onError: failed,
      });
    } else {
      update.mutate({ id: record.id, body: patch as RecordPatch<K> }, { onSuccess: saved, onError: failed });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT';
  const reload = () => {
    void queryClient.invalidateQueries({
      queryKey: mode === 'profile' ? profileKey : registryKeys.kind(config.kind),
    });
    onClose();
  };

  return (
    <FormDrawer
      title={
        mode === 'create'
          ? t('registry.createTitle', { noun })
          : t('registry.editTitle', { name: record?.name ?? '' })
      }
      saving={mutation.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      error={mutation.isError ? mutation.error : null}
      conflict={conflict}
      onReload={reload}
      top={top}
      testId="record"
    >
      <Form<FormValues<K>>
        form={form}
        layout="vertical"
        initialValues={record ? valuesOf(config, record, regions.data) : config.defaults}
        onFinish={onFinish}
        scrollToFirstError
      >
        <config.Fields record={record} mode={mode} />
      </Form>
    </FormDrawer>
  );
}
