import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormDrawerLoading } from '../../app/FormDrawer.tsx';
import { type Translate, useT } from '../../app/i18n.tsx';
import {
  actionsColumn,
  ExportButtons,
  FilterForm,
  type FromList,
  ImportButton,
  ListPageCard,
  ListTable,
  SearchField,
  updatedAtColumn,
  useListPaging,
  useListUrl,
} from '../../app/listPage.tsx';
import { filtersOf } from '../../app/listParams.ts';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionFilter, regionPath, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useRegistryList, useRegistryRecord } from './api.ts';
import type { FilterName, KindConfig } from './config.ts';
import { DictionarySelect } from './DictionarySelect.tsx';
import { kindValues, registryListParams } from './listParams.ts';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { enumOptions, FlagsTag, regionLabel } from './shared.tsx';
import {
  HONOUR_LEVELS,
  RECORD_SORTS,
  type RecordView,
  type RegistryFilters,
  type RegistryKind,
  type RegistryListItems,
  type RegistryListParams,
  type RegistrySort,
  TITLE_LEVELS,
} from './types.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; id: string } | null;

/** The list of any registry: filters kept in the URL, server paging, create, import and export. */
export function RegistryListPage<K extends RegistryKind>({ config }: { config: KindConfig<K> }) {
  const t = useT();
  useDocumentTitle(config.titleKey);
  const navigate = useNavigate();
  const canManage = useCan('registry.manage');
  const url = useListUrl(registryListParams(config.kind, config.filters));
  const { params, fromList } = url;
  const list = useRegistryList(config.kind, params);
  const { apply, paging } = useListPaging(url, list);
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useListColumns(config, canManage, fromList, (record) =>
    setDialog({ kind: 'edit', id: record.id }),
  );

  return (
    <ListPageCard
      title={t(config.titleKey)}
      extra={
        <Space wrap>
          {canManage && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'create' })}
                data-testid="registry-create"
              >
                {t('common.create')}
              </Button>
              <ImportButton listPath={config.path} fromList={fromList} testId="registry-import" />
            </>
          )}
          <ExportButtons
            path={`/api/registry/${config.kind}/export`}
            fileName={config.kind}
            filters={{ ...filtersOf(params) }}
            testId="registry"
          />
        </Space>
      }
    >
      <ListFilters
        config={config}
        params={params}
        onSearch={(filters) => apply({ page: 1, pageSize: params.pageSize, ...filters })}
      />
      <ListTable<RegistryListItems[K]>
        list={list}
        paging={paging}
        columns={columns}
        scroll={{ x: config.scrollX }}
        data-testid="registry-table"
      />
      {dialog?.kind === 'create' && (
        <RecordFormDrawer
          config={config}
          record={null}
          mode="create"
          onClose={() => setDialog(null)}
          onSaved={(record) => navigate(`${config.path}/${record.id}`, { state: fromList })}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditFromList config={config} id={dialog.id} onClose={() => setDialog(null)} />
      )}
    </ListPageCard>
  );
}

/**
 * 编辑 from the list: the record as its page reads it, loaded first (a list
 * item may leave out fields the form edits, a talent's research and works),
 * and fresh rather than as the list read it.
 */
function EditFromList<K extends RegistryKind>({
  config,
  id,
  onClose,
}: {
  config: KindConfig<K>;
  id: string;
  onClose: () => void;
}) {
  const record = useRegistryRecord(config.kind, id);
  return record.data ? (
    <RecordFormDrawer config={config} record={record.data} mode="edit" onClose={onClose} />
  ) : (
    <FormDrawerLoading query={record} onClose={onClose} />
  );
}

function useListColumns<K extends RegistryKind>(
  config: KindConfig<K>,
  canManage: boolean,
  fromList: FromList,
  onEdit: (record: RegistryListItems[K]) => void,
): ColumnsType<RegistryListItems[K]> {
  const t = useT();
  const navigate = useNavigate();
  const link = (record: Pick<RecordView, 'id'>, text: string) => (
    <Link to={`${config.path}/${record.id}`} state={fromList}>
      {text}
    </Link>
  );
  return [
    { title: t('field.code'), dataIndex: 'code', width: 130, fixed: 'left', ellipsis: true },
    {
      title: t(config.nameKey),
      dataIndex: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: true,
      render: (name: string, record) => link(record, name),
    },
    ...config.columns(t),
    {
      title: t('registry.region'),
      key: 'region',
      width: 200,
      ellipsis: true,
      render: (_, record) => regionLabel(t, record),
    },
    {
      title: t('field.flags'),
      dataIndex: 'flags',
      width: 120,
      render: (_, record) => <FlagsTag flags={record.flags} />,
    },
    updatedAtColumn(t),
    actionsColumn(t, {
      width: canManage ? 150 : 80,
      onView: (record) => navigate(`${config.path}/${record.id}`, { state: fromList }),
      edit: { allowed: () => canManage, onEdit, testId: 'registry-edit' },
    }),
  ];
}

interface FilterValues {
  q?: string;
  region?: string[];
  discipline?: string | null;
  title?: string | null;
  tag?: string;
  industry?: string | null;
  qualification?: string | null;
  titleLevel?: string;
  honourLevel?: string;
  kind?: string;
  flagged?: boolean;
  archived?: boolean;
  sort?: RegistrySort;
}

function sortOptions(t: Translate) {
  const keys = {
    updatedAt: 'registry.sort.updatedAt',
    name: 'registry.sort.name',
    code: 'registry.sort.code',
  } as const;
  return RECORD_SORTS.map((sort) => ({ value: sort, label: t(keys[sort]) }));
}

function ListFilters<K extends RegistryKind>({
  config,
  params,
  onSearch,
}: {
  config: KindConfig<K>;
  params: RegistryListParams;
  onSearch: (filters: RegistryFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const regions = useRegions();
  const has = (name: FilterName) => config.filters.includes(name);

  // Keep the form showing the filters in force (from the URL; the region needs the tree to become a path).
  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      region: params.regionCode ? regionPath(regions.data, params.regionCode) : undefined,
      discipline: params.discipline ?? null,
      title: params.title ?? null,
      tag: params.tag,
      industry: params.industry ?? null,
      qualification: params.qualification ?? null,
      titleLevel: params.titleLevel,
      honourLevel: params.honourLevel,
      kind: params.kind,
      flagged: params.flagged === 'true',
      archived: params.archived === 'true',
      sort: params.sort ?? 'updatedAt',
    });
  }, [
    form,
    regions.data,
    params.q,
    params.regionCode,
    params.discipline,
    params.title,
    params.tag,
    params.industry,
    params.qualification,
    params.titleLevel,
    params.honourLevel,
    params.kind,
    params.flagged,
    params.archived,
    params.sort,
  ]);

  const submit = (values: FilterValues) =>
    onSearch({
      q: values.q?.trim() || undefined,
      regionCode: regionFilter(values.region, params.regionCode),
      discipline: values.discipline || undefined,
      title: values.title || undefined,
      tag: values.tag?.trim() || undefined,
      industry: values.industry || undefined,
      qualification: values.qualification || undefined,
      titleLevel: values.titleLevel || undefined,
      honourLevel: values.honourLevel || undefined,
      kind: values.kind || undefined,
      flagged: values.flagged ? 'true' : undefined,
      archived: values.archived ? 'true' : undefined,
      sort: values.sort && values.sort !== 'updatedAt' ? values.sort : undefined,
    });

  const levelOptions = {
    titleLevel: enumOptions(t, 'titleLevel', TITLE_LEVELS),
    honourLevel: enumOptions(t, 'honourLevel', HONOUR_LEVELS),
  };
  const kindOptions = enumOptions(
    t,
    config.kind === 'stations' ? 'stationKind' : 'institutionKind',
    kindValues(config.kind),
  );

  return (
    <FilterForm<FilterValues>
      form={form}
      initialValues={{ sort: 'updatedAt', flagged: false, archived: false }}
      onFinish={submit}
      onReset={() => onSearch({})}
      testId="registry-filters"
      searchTestId="registry-search"
    >
      <SearchField placeholder={t('registry.searchPlaceholder')} />
      <Form.Item name="region">
        <RegionCascader placeholder={t('registry.region')} style={{ width: 240 }} />
      </Form.Item>
      {has('kind') && (
        <Form.Item name="kind">
          <Select allowClear placeholder={t('field.kind')} options={kindOptions} style={{ width: 140 }} />
        </Form.Item>
      )}
      {has('discipline') && (
        <Form.Item name="discipline">
          <DictionarySelect kind="discipline" placeholder={t('field.disciplines')} style={{ width: 200 }} />
        </Form.Item>
      )}
      {has('industry') && (
        <Form.Item name="industry">
          <DictionarySelect kind="industry" placeholder={t('field.industries')} style={{ width: 200 }} />
        </Form.Item>
      )}
      {has('qualification') && (
        <Form.Item name="qualification">
          <DictionarySelect
            kind="qualification"
            placeholder={t('field.qualifications')}
            style={{ width: 200 }}
          />
        </Form.Item>
      )}
      {has('title') && (
        <Form.Item name="title">
          <DictionarySelect kind="title" placeholder={t('field.title')} style={{ width: 160 }} />
        </Form.Item>
      )}
      {has('titleLevel') && (
        <Form.Item name="titleLevel">
          <Select
            allowClear
            placeholder={t('field.titleLevel')}
            options={levelOptions.titleLevel}
            style={{ width: 130 }}
          />
        </Form.Item>
      )}
      {has('honourLevel') && (
        <Form.Item name="honourLevel">
          <Select
            allowClear
            placeholder={t('field.honourLevel')}
            options={levelOptions.honourLevel}
            style={{ width: 130 }}
          />
        </Form.Item>
      )}
      {has('tag') && (
        <Form.Item name="tag">
          <Input allowClear placeholder={t('field.tags')} style={{ width: 140 }} maxLength={32} />
        </Form.Item>
      )}
      <Form.Item name="sort">
        <Select options={sortOptions(t)} style={{ width: 160 }} aria-label={t('registry.sort.label')} />
      </Form.Item>
      <Form.Item name="flagged" valuePropName="checked">
        <Checkbox data-testid="filter-flagged">{t('registry.flaggedOnly')}</Checkbox>
      </Form.Item>
      <Form.Item name="archived" valuePropName="checked">
        <Checkbox>{t('registry.archivedOnly')}</Checkbox>
      </Form.Item>
    </FilterForm>
  );
}
