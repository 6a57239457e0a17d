import { App as AntApp, Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { EMPTY, usePickerFormats } from '../../app/format.ts';
import { clean } from '../../app/forms.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionCodeOf, regionPath, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { changedFields, fieldOfPath, useRecordForm, withoutBlanks } from '../../app/useRecordForm.ts';
import { useRegistryList } from '../registry/api.ts';
import { DictionarySelect } from '../registry/DictionarySelect.tsx';
import { FieldGrid, Full, Half } from '../registry/FormPieces.tsx';
import { cleanTags } from '../registry/kinds/common.ts';
import { ClusterInput } from '../registry/kinds/enterprises.tsx';
import { flagLine } from '../registry/shared.tsx';
import { codeRules, maxRule } from '../registry/validators.ts';
import { listKeys, useCreateListItem, useNewItemDefaults, useUpdateListItem } from './api.ts';
import { hasField, type ListField, type ListKindConfig } from './config.ts';
import { modeLabel, stageLabel } from './shared.tsx';
import {
  COOPERATION_MODES,
  type CooperationMode,
  type ListItemInput,
  type ListItemView,
  STAGES,
  type Stage,
} from './types.ts';

/** The form's values: the input with the region as a Cascader path, the amount in 万元 and the deadline a date. */
interface FormValues {
  code?: string;
  title?: string;
  description?: string | null;
  keywords?: string[];
  industries?: string[];
  disciplines?: string[];
  fieldText?: string | null;
  cluster?: string | null;
  region?: string[];
  ownerName?: string | null;
  /** The linked enterprise or institution (operators only). */
  ownerId?: string | null;
  cooperationModes?: CooperationMode[];
  amountWan?: number | null;
  amountNegotiable?: boolean;
  deadline?: Dayjs | null;
  contactName?: string | null;
  headcount?: number | null;
  terms?: string | null;
  stage?: Stage | null;
  trl?: number | null;
  patents?: string[];
}

/** The largest amount the server takes (10¹² yuan), in 万元. */
const MAX_AMOUNT_WAN = 100_000_000;

const COMMON_FIELDS: readonly (keyof ListItemInput)[] = [
  'code',
  'title',
  'description',
  'keywords',
  'industries',
  'disciplines',
  'fieldText',
  'cluster',
  'regionCode',
  'regionText',
  'ownerName',
  'cooperationModes',
  'deadline',
  'contactName',
];

const KIND_FIELDS: Record<ListField, readonly (keyof ListItemInput)[]> = {
  amount: ['amountYuan', 'amountNegotiable'],
  headcount: ['headcount'],
  terms: ['terms'],
  stage: ['stage'],
  trl: ['trl'],
  patents: ['patents'],
};

/** The server refuses fields a kind does not have: keep only this kind's (and the owner link when offered). */
function onlyKindFields(config: ListKindConfig, input: ListItemInput, ownerPicker: boolean): ListItemInput {
  const allowed = new Set<string>([
    ...COMMON_FIELDS,
    ...config.fields.flatMap((field) => KIND_FIELDS[field]),
  ]);
  if (ownerPicker) allowed.add(ownerField(config));
  return Object.fromEntries(Object.entries(input).filter(([key]) => allowed.has(key))) as ListItemInput;
}

function ownerField(config: ListKindConfig): 'enterpriseId' | 'institutionId' {
  return config.ownerRegistry === 'enterprises' ? 'enterpriseId' : 'institutionId';
}

/** An item as an input, to compare a submitted form against. */
function toInput(config: ListKindConfig, item: ListItemView, ownerPicker: boolean): ListItemInput {
  return onlyKindFields(
    config,
    {
      code: item.code,
      title: item.title,
      description: item.description,
      keywords: item.keywords,
      industries: item.industries.map((named) => named.code),
      disciplines: item.disciplines.map((named) => named.code),
      fieldText: item.fieldText,
      cluster: item.cluster,
      regionCode: item.regionCode,
      regionText: item.regionText,
      ownerName: item.ownerName,
      enterpriseId: item.enterpriseId,
      institutionId: item.institutionId,
      cooperationModes: modesOf(item),
      deadline: item.deadline,
      contactName: item.contactName,
      amountYuan: item.amountYuan,
      amountNegotiable: item.amountNegotiable,
      headcount: item.headcount,
      terms: item.terms,
      stage: (STAGES as readonly string[]).includes(item.stage ?? '') ? (item.stage as Stage) : null,
      trl: item.trl,
      patents: item.patents,
    },
    ownerPicker,
  );
}

/** The view lists modes as strings; they were accepted (or imported) as COOPERATION_MODES. */
function modesOf(item: ListItemView): CooperationMode[] {
  return item.cooperationModes as CooperationMode[];
}

/** The form's starting values for an item. */
function valuesOf(
  item: ListItemView,
  tree: Parameters<typeof regionPath>[0],
  config: ListKindConfig,
): FormValues {
  return {
    code: item.code,
    title: item.title,
    description: item.description,
    keywords: item.keywords,
    industries: item.industries.map((named) => named.code),
    disciplines: item.disciplines.map((named) => named.code),
    fieldText: item.fieldText,
    cluster: item.cluster,
    region: regionPath(tree, item.regionCode),
    ownerName: item.ownerName,
    ownerId: config.ownerRegistry === 'enterprises' ? item.enterpriseId : item.institutionId,
    cooperationModes: modesOf(item),
    amountWan: item.amountYuan === null ? null : item.amountYuan / 10_000,
    amountNegotiable: item.amountNegotiable,
    deadline: item.deadline ? dayjs(item.deadline) : null,
    contactName: item.contactName,
    headcount: item.headcount,
    terms: item.terms,
    stage: (STAGES as readonly string[]).includes(item.stage ?? '') ? (item.stage as Stage) : null,
    trl: item.trl,
    patents: item.patents,
  };
}

/** The form's values as an input (trimmed, blanks as null, 万元 as yuan). */
function fromValues(
  config: ListKindConfig,
  values: FormValues,
  item: ListItemView | null,
  ownerPicker: boolean,
): ListItemInput {
  const regionCode = regionCodeOf(values.region) ?? null;
  const amountWan = values.amountWan ?? null;
  return onlyKindFields(
    config,
    {
      // Left blank on a new item: the platform numbers it.
      code: clean(values.code) ?? undefined,
      title: clean(values.title) ?? '',
      description: clean(values.description),
      keywords: cleanTags(values.keywords),
      industries: values.industries ?? [],
      disciplines: values.disciplines ?? [],
      fieldText: clean(values.fieldText),
      cluster: clean(values.cluster),
      regionCode,
      // A chosen region replaces a region kept as written.
      regionText: regionCode ? null : (item?.regionText ?? null),
      ownerName: clean(values.ownerName),
      [ownerField(config)]: values.ownerId ?? null,
      cooperationModes: values.cooperationModes ?? [],
      deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
      contactName: clean(values.contactName),
      amountYuan: amountWan === null ? null : Math.round(amountWan * 1_000_000) / 100,
      amountNegotiable: values.amountNegotiable ?? false,
      headcount: values.headcount ?? null,
      terms: clean(values.terms),
      stage: values.stage ?? null,
      trl: values.trl ?? null,
      patents: cleanTags(values.patents),
    },
    ownerPicker,
  );
}

/** Server field names (`body.amountYuan`, `body.keywords.3`) as the form's. */
const FORM_NAMES: Record<string, string> = {
  amountYuan: 'amountWan',
  regionCode: 'region',
  regionText: 'region',
  enterpriseId: 'ownerId',
  institutionId: 'ownerId',
};

function formName(path: string): string {
  const name = fieldOfPath(path);
  return FORM_NAMES[name] ?? name;
}

/** Errors the server reports without a field, and the field they are about. */
const ERROR_FIELDS: Record<string, string> = { LIST_CODE_TAKEN: 'code' };

/** A tags input: at most `max` entries of at most `length` characters. */
function tagRules(t: Translate, max: number, length: number, label: string): Rule[] {
  return [
    { type: 'array', max, message: t('lists.validation.tooMany', { label, max }) },
    {
      validator: (_rule, value: unknown) =>
        Array.isArray(value) && value.some((tag) => String(tag).trim().length > length)
          ? Promise.reject(new Error(t('lists.validation.entryTooLong', { label, max: length })))
          : Promise.resolve(),
    },
  ];
}

const TAG_SEPARATORS = [',', '，', ';', '；', '、'];

interface Props {
  config: ListKindConfig;
  /** null creates a new item. */
  item: ListItemView | null;
  onClose: () => void;
  onSaved?: (item: ListItemView) => void;
}

/** Creates or edits a technical demand, talent demand or achievement. */
export function ListItemFormDrawer({ config, item, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  // A new item starts where its owner is (the caller's enterprise or institution), else the caller's county or city.
  const defaults = useNewItemDefaults(config.kind, item === null);
  const recordForm = useRecordForm({
    form,
    record: item,
    create: useCreateListItem(config.kind),
    update: useUpdateListItem(config.kind),
    savedMessage: (result) => (item ? t('registry.updated') : t('registry.created', { name: result.title })),
    onSaved,
    onClose,
    reload: listKeys.kind(config.kind),
    region: { field: 'region', ownForNew: true, own: defaults.data?.regionCode ?? null },
    codeFields: ERROR_FIELDS,
    fieldName: formName,
  });
  // Operators link the item to a registry record; owners' items are theirs already.
  const canManage = useCan('lists.manage');
  const canReadRegistry = useCan('registry.read');
  const ownerPicker = canManage && canReadRegistry;
  const noun = t(config.nounKey);

  const onFinish = (values: FormValues) => {
    const next = fromValues(config, values, item, ownerPicker);
    if (!item) {
      recordForm.create(withoutBlanks(next));
      return;
    }
    const before = toInput(config, item, ownerPicker);
    if (!form.isFieldTouched('region')) {
      next.regionCode = before.regionCode;
      next.regionText = before.regionText;
    }
    const changed = changedFields<ListItemInput>(before, next);
    if (Object.keys(changed).length === 0) {
      void message.info(t('registry.noChanges'));
      onClose();
      return;
    }
    recordForm.update(changed);
  };

  return (
    <FormDrawer
      title={item ? t('registry.editTitle', { name: item.title }) : t('registry.createTitle', { noun })}
      {...recordForm.drawer}
      testId="list"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? valuesOf(item, recordForm.regions, config)
            : {
                keywords: [],
                industries: [],
                disciplines: [],
                cooperationModes: [],
                patents: [],
                amountNegotiable: false,
              }
        }
        onFinish={onFinish}
        scrollToFirstError
      >
        <ListItemFields config={config} item={item} ownerPicker={ownerPicker} />
      </Form>
    </FormDrawer>
  );
}

function ListItemFields({
  config,
  item,
  ownerPicker,
}: {
  config: ListKindConfig;
  item: ListItemView | null;
  ownerPicker: boolean;
}) {
  const t = useT();
  const formats = usePickerFormats();
  const has = (field: ListField) => hasField(config, field);
  /** A field's flags when it has any (values kept as written by an import), else `hint`. */
  const extra = (field: string, hint?: string) => {
    const flags = item?.flags.filter((flag) => flag.field === field) ?? [];
    if (flags.length === 0) return hint;
    return (
      <Typography.Text type="warning">{flags.map((flag) => flagLine(t, flag)).join('；')}</Typography.Text>
    );
  };
  const titleLabel = t(config.titleLabelKey);
  const descriptionLabel = t(config.descriptionKey);
  const ownerLabel = t(config.ownerKey);
  const modesLabel = t(config.modesKey);
  const amountLabel = t(config.amountKey);
  const regionHint =
    item && !item.regionCode && item.regionText
      ? t('registry.form.regionAsWritten', { text: item.regionText })
      : undefined;

  return (
    <FieldGrid>
      <Half>
        <Form.Item
          name="code"
          label={t('field.code')}
          rules={codeRules(t, { optional: !item })}
          extra={extra('code', t(item ? 'lists.form.codeHint' : 'lists.form.codeHintNew'))}
        >
          <Input
            maxLength={64}
            autoComplete="off"
            placeholder={item ? undefined : t('lists.form.codeAuto')}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="deadline" label={t('field.deadline')} extra={t('lists.form.deadlineHint')}>
          <DatePicker style={{ width: '100%' }} format={formats.date} data-testid="list-deadline" />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item
          name="title"
          label={titleLabel}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('registry.validation.nameRequired', { label: titleLabel }),
            },
            maxRule(t, titleLabel, 200),
          ]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="description" label={descriptionLabel} rules={[maxRule(t, descriptionLabel, 20_000)]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} showCount />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item
          name="keywords"
          label={t('field.keywords')}
          extra={item?.keywordsExtracted ? t('lists.form.keywordsExtracted') : t('lists.form.keywordsHint')}
          rules={tagRules(t, 30, 32, t('field.keywords'))}
        >
          <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="industries" label={t('field.industries')} extra={extra('industries')}>
          <DictionarySelect kind="industry" multiple current={item?.industries} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="disciplines" label={t('field.disciplines')} extra={extra('disciplines')}>
          <DictionarySelect kind="discipline" multiple current={item?.disciplines} />
        </Form.Item>
      </Full>
      {item?.fieldText && (
        <Full>
          <Form.Item
            name="fieldText"
            label={t('field.fieldText')}
            rules={[maxRule(t, t('field.fieldText'), 128)]}
            extra={extra('fieldText', t('lists.form.fieldTextHint'))}
          >
            <Input maxLength={128} allowClear />
          </Form.Item>
        </Full>
      )}
      <Half>
        <Form.Item name="region" label={t('registry.region')} extra={extra('regionCode', regionHint)}>
          <RegionCascader />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="cluster" label={t('field.cluster')} rules={[maxRule(t, t('field.cluster'), 64)]}>
          <ClusterInput />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name="ownerName"
          label={ownerLabel}
          rules={[maxRule(t, ownerLabel, 128)]}
          extra={item || ownerPicker ? undefined : t('lists.form.ownerHint')}
        >
          <Input maxLength={128} />
        </Form.Item>
      </Half>
      {ownerPicker && (
        <Half>
          <OwnerSelect config={config} item={item} />
        </Half>
      )}
      <Full>
        <Form.Item
          name="cooperationModes"
          label={modesLabel}
          extra={extra('cooperationModes')}
          rules={[
            {
              type: 'array',
              max: 12,
              message: t('lists.validation.tooMany', { label: modesLabel, max: 12 }),
            },
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder={t('lists.form.modesPlaceholder')}
            options={COOPERATION_MODES.map((mode) => ({ value: mode, label: modeLabel(t, mode) }))}
          />
        </Form.Item>
      </Full>
      {has('amount') && (
        <>
          <Half>
            <Form.Item
              name="amountWan"
              label={amountLabel}
              rules={[
                { type: 'number', min: 0, message: t('lists.validation.amountMin', { label: amountLabel }) },
                {
                  type: 'number',
                  max: MAX_AMOUNT_WAN,
                  message: t('lists.validation.amountMax', { label: amountLabel, max: MAX_AMOUNT_WAN }),
                },
              ]}
            >
              <InputNumber<number> style={{ width: '100%' }} />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="amountNegotiable" label=" " valuePropName="checked">
              <Checkbox>{t('lists.form.negotiable')}</Checkbox>
            </Form.Item>
          </Half>
        </>
      )}
      {has('headcount') && (
        <Half>
          <Form.Item
            name="headcount"
            label={t('field.headcount')}
            rules={[
              {
                type: 'integer',
                min: 1,
                max: 10_000,
                message: t('lists.validation.headcount', { max: 10_000 }),
              },
            ]}
          >
            <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Half>
      )}
      {has('stage') && (
        <Half>
          <Form.Item name="stage" label={t('field.stage')} extra={extra('stage')}>
            <Select
              allowClear
              options={STAGES.map((stage) => ({ value: stage, label: stageLabel(t, stage) }))}
            />
          </Form.Item>
        </Half>
      )}
      {has('trl') && (
        <Half>
          <Form.Item name="trl" label={t('field.trl')} extra={t('lists.form.trlHint')}>
            <Select
              allowClear
              options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => ({
                value: level,
                label: t('lists.trlLevel', { level }),
              }))}
            />
          </Form.Item>
        </Half>
      )}
      {has('terms') && (
        <Full>
          <Form.Item name="terms" label={t('field.terms')} rules={[maxRule(t, t('field.terms'), 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
          </Form.Item>
        </Full>
      )}
      {has('patents') && (
        <Full>
          <Form.Item
            name="patents"
            label={t('field.patents')}
            extra={t('lists.form.patentsHint')}
            rules={tagRules(t, 50, 40, t('field.patents'))}
          >
            <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
          </Form.Item>
        </Full>
      )}
      <Half>
        <Form.Item
          name="contactName"
          label={t('field.contactName')}
          rules={[maxRule(t, t('field.contactName'), 64)]}
        >
          <Input maxLength={64} />
        </Form.Item>
      </Half>
    </FieldGrid>
  );
}

/** The enterprise (or institution) the item belongs to, searched in its registry; operators only. */
function OwnerSelect({ config, item }: { config: ListKindConfig; item: ListItemView | null }) {
  const t = useT();
  const form = Form.useFormInstance<FormValues>();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const records = useRegistryList(config.ownerRegistry, { page: 1, pageSize: 20, ...(q ? { q } : {}) });
  const options = (records.data?.items ?? []).map((record) => ({
    value: record.id,
    label: t('users.organisationOption', { name: record.name, region: record.regionName ?? EMPTY }),
    name: record.name,
    regionCode: record.regionCode,
  }));
  const currentId = config.ownerRegistry === 'enterprises' ? item?.enterpriseId : item?.institutionId;
  if (currentId && !options.some((option) => option.value === currentId)) {
    options.unshift({
      value: currentId,
      label: item?.ownerName ?? currentId,
      name: item?.ownerName ?? '',
      regionCode: null,
    });
  }
  const regions = useRegions();
  const label = t(
    config.ownerRegistry === 'enterprises' ? 'lists.form.ownerEnterprise' : 'lists.form.ownerInstitution',
  );

  return (
    <Form.Item name="ownerId" label={label} extra={t('lists.form.ownerLinkHint')}>
      <Select
        allowClear
        showSearch
        filterOption={false}
        onSearch={setInput}
        options={options}
        loading={records.isFetching}
        placeholder={t('users.organisationPlaceholder')}
        notFoundContent={records.isError ? errorMessage(records.error) : undefined}
        onSelect={(_value, option) => {
          // The owner's name follows the linked record unless one was written; a new item's
          // region follows it unless one was chosen.
          if (!clean(form.getFieldValue('ownerName'))) form.setFieldValue('ownerName', option.name);
          if (!item && option.regionCode && !form.isFieldTouched('region')) {
            form.setFieldValue('region', regionPath(regions.data, option.regionCode));
          }
        }}
      />
    </Form.Item>
  );
}
