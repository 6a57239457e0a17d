import { Alert, App as AntApp, AutoComplete, Form, Input, Modal, Select, Switch } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { useSaveDictionaryEntry } from './api.ts';
import type { DictionaryEntry, DictionaryKind } from './types.ts';

interface EntryValues {
  code: string;
  name: string;
  parentCode?: string | null;
  level?: string | null;
  aliases?: string[];
  active: boolean;
}

interface Props {
  kind: DictionaryKind;
  /** null adds an entry. */
  entry: DictionaryEntry | null;
  /** The whole list, for the parent choice and the duplicate check. */
  entries: readonly DictionaryEntry[];
  onClose: () => void;
}

/** The codes below `code` (its children, their children…), which cannot become its parent. */
function descendants(entries: readonly DictionaryEntry[], code: string): Set<string> {
  const below = new Set<string>([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of entries) {
      if (entry.parentCode && below.has(entry.parentCode) && !below.has(entry.code)) {
        below.add(entry.code);
        grew = true;
      }
    }
  }
  return below;
}

/** Adds or edits one entry of a code list (PUT, keyed by its code). */
export function DictionaryEntryModal({ kind, entry, entries, onClose }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EntryValues>();
  const save = useSaveDictionaryEntry(kind);
  const excluded = entry ? descendants(entries, entry.code) : new Set<string>();
  const parentOptions = entries
    .filter((item) => !excluded.has(item.code))
    .map((item) => ({ value: item.code, label: `${item.code} ${item.name}` }));
  const levelOptions = [
    ...new Set(entries.map((item) => item.level).filter((level): level is string => !!level)),
  ].map((level) => ({ value: level }));
  const taken = new Set(entries.map((item) => item.code));

  const onFinish = (values: EntryValues) => {
    const code = values.code.trim();
    save.mutate(
      {
        code,
        body: {
          name: values.name.trim(),
          parentCode: values.parentCode || null,
          level: clean(values.level),
          aliases: [...new Set((values.aliases ?? []).map((alias) => alias.trim()).filter(Boolean))],
          active: values.active,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(
            entry ? t('dict.updated', { name: saved.name }) : t('dict.created', { name: saved.name }),
          );
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open
      title={entry ? t('dict.editTitle', { name: entry.name }) : t('dict.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      maskClosable={false}
      width={560}
    >
      {save.isError && (
        <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          entry
            ? {
                code: entry.code,
                name: entry.name,
                parentCode: entry.parentCode,
                level: entry.level,
                aliases: entry.aliases,
                active: entry.active,
              }
            : { aliases: [], active: true }
        }
      >
        <Form.Item
          name="code"
          label={t('dict.code')}
          extra={entry ? undefined : t('dict.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('dict.codeRequired') },
            { max: 16, message: t('validation.tooLong', { label: t('dict.code'), max: 16 }) },
            {
              validator: (_rule, value: unknown) =>
                !entry && typeof value === 'string' && taken.has(value.trim())
                  ? Promise.reject(new Error(t('dict.codeTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input disabled={Boolean(entry)} maxLength={16} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('dict.name')}
          rules={[
            { required: true, whitespace: true, message: t('dict.nameRequired') },
            { max: 64, message: t('validation.tooLong', { label: t('dict.name'), max: 64 }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="parentCode" label={t('dict.parent')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={parentOptions}
            placeholder={t('dict.parentPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('dict.level')}
          rules={[{ max: 16, message: t('validation.tooLong', { label: t('dict.level'), max: 16 }) }]}
        >
          <AutoComplete options={levelOptions} allowClear maxLength={16} />
        </Form.Item>
        <Form.Item
          name="aliases"
          label={t('dict.aliases')}
          extra={t('dict.aliasesHint')}
          rules={[
            { type: 'array', max: 20, message: t('dict.tooManyAliases', { max: 20 }) },
            {
              validator: (_rule, value: unknown) =>
                Array.isArray(value) && value.some((alias) => String(alias).trim().length > 64)
                  ? Promise.reject(new Error(t('validation.tooLong', { label: t('dict.aliases'), max: 64 })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ';', '；', '、']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('dict.active')}
          valuePropName="checked"
          extra={t('dict.activeHint')}
        >
          <Switch checkedChildren={t('dict.enabled')} unCheckedChildren={t('dict.disabled')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
