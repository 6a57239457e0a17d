import { App as AntApp, Form, type FormInstance } from 'antd';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { useT } from '../../app/i18n.tsx';
import { regionPath } from '../../app/regions.ts';
import { changedFields, fieldOfPath, useRecordForm, withoutBlanks } from '../../app/useRecordForm.ts';
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

/** The server names fields as `body.mobile` or `body.tags.3`; the form knows `region` for regionCode. */
function formName(path: string): string {
  const name = fieldOfPath(path);
  return name === 'regionCode' || name === 'regionText' ? 'region' : name;
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
  const [form] = Form.useForm<FormValues<K>>();
  // The form by plain field names (the generic one cannot name the fields every kind shares).
  const plainForm = form as unknown as FormInstance<Record<string, unknown>>;
  const profile = useUpdateProfile();
  const recordForm = useRecordForm({
    form,
    record,
    create: useCreateRecord(config.kind),
    update: useUpdateRecord(config.kind),
    saving: mode === 'profile' ? profile : undefined,
    savedMessage: (result) =>
      mode === 'create' ? t('registry.created', { name: result.name }) : t('registry.updated'),
    onSaved,
    onClose,
    reload: mode === 'profile' ? profileKey : registryKeys.kind(config.kind),
    // A new record starts in the office's own county or city.
    region: { field: 'region', ownForNew: true },
    codeFields: TAKEN_FIELDS,
    fieldName: formName,
  });
  const noun = t(config.nounKey);

  const onFinish = (values: FormValues<K>) => {
    const next = config.fromValues(values, record);
    if (!record || mode === 'create') {
      recordForm.create(withoutBlanks(next));
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
    if (mode === 'profile') {
      profile.mutate(
        { ...changed, version: record.version },
        {
          onSuccess: (result) => recordForm.saved(result.record as RegistryViews[K]),
          onError: recordForm.failed,
        },
      );
    } else {
      recordForm.update(changed as Omit<RecordPatch<K>, 'version'>);
    }
  };

  return (
    <FormDrawer
      title={
        mode === 'create'
          ? t('registry.createTitle', { noun })
          : t('registry.editTitle', { name: record?.name ?? '' })
      }
      {...recordForm.drawer}
      testId="record"
    >
      <Form<FormValues<K>>
        form={form}
        layout="vertical"
        initialValues={record ? valuesOf(config, record, recordForm.regions) : config.defaults}
        onFinish={onFinish}
        scrollToFirstError
      >
        <config.Fields record={record} mode={mode} />
      </Form>
    </FormDrawer>
  );
}
