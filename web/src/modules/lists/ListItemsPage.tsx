import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { show } from '../../app/format.ts';
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
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { DictionarySelect } from '../registry/DictionarySelect.tsx';
import { FlagsTag, names, regionLabel } from '../registry/shared.tsx';
import { useListItem, useListItems } from './api.ts';
import { hasField, type ListKindConfig } from './config.ts';
import { ListItemFormDrawer } from './ListItemFormDrawer.tsx';
import { listItemParams } from './listParams.ts';
import { Deadline, formatAmount, StatusTag, stageText, statusLabel } from './shared.tsx';
import {
  LIST_POSTERS,
  LIST_SORTS,
  LIST_STATUSES,
  type ListFilters,
  type ListItemSummary,
  type ListParams,
  type ListSort,
  type ListStatus,
} from './types.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; id: string } | null;

/** Whether this account may post items of this kind (the server's LIST_POSTERS, for operators any). */
export function useCanPost(config: ListKindConfig): boolean {
  const me = useCurrentUser();
  return (
    hasPermission(me, 'lists.manage') ||
    (hasPermission(me, 'lists.submit') && LIST_POSTERS[config.kind].includes(me.role))
  );
}

/** The list of technical demands, talent demands or achievements: filters kept in the URL, server paging. */
export function ListItemsPage({ config }: { config: ListKindConfig }) {
  const t = useT();
  useDocumentTitle(config.titleKey);
  const navigate = useNavigate();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'lists.manage');
  const canPost = useCanPost(config);
  const url = useListUrl(listItemParams);
  const { params, fromList } = url;
  const list = useListItems(config.kind, params);
  const { apply, paging } = useListPaging(url, list);
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useListColumns(config, fromList, (item) => setDialog({ kind: 'edit', id: item.id }));

  return (
    <ListPageCard
      title={t(config.titleKey)}
      extra={
        <Space wrap>
          {canPost && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="list-create"
            >
              {t('common.create')}
            </Button>
          )}
          {canManage && <ImportButton listPath={config.path} fromList={fromList} testId="list-import" />}
          <ExportButtons
            path={`/api/lists/${config.kind}/export`}
            fileName={config.kind}
            filters={{ ...filtersOf(params) }}
            testId="list"
          />
        </Space>
      }
    >
      <ListFilterForm
        params={params}
        onSearch={(filters) => apply({ page: 1, pageSize: params.pageSize, ...filters })}
      />
      <ListTable<ListItemSummary>
        list={list}
        paging={paging}
        columns={columns}
        scroll={{ x: config.scrollX }}
        data-testid="list-table"
      />
      {dialog?.kind === 'create' && (
        <ListItemFormDrawer
          config={config}
          item={null}
          onClose={() => setDialog(null)}
          onSaved={(item) => navigate(`${config.path}/${item.id}`, { state: fromList })}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditFromList config={config} id={dialog.id} onClose={() => setDialog(null)} />
      )}
    </ListPageCard>
  );
}

/** 编辑 from the list: the item as its page reads it, loaded first (a list item leaves out its description, terms…). */
function EditFromList({ config, id, onClose }: { config: ListKindConfig; id: string; onClose: () => void }) {
  const item = useListItem(config.kind, id);
  return item.data ? (
    <ListItemFormDrawer config={config} item={item.data} onClose={onClose} />
  ) : (
    <FormDrawerLoading query={item} onClose={onClose} />
  );
}

function useListColumns(
  config: ListKindConfig,
  fromList: FromList,
  onEdit: (item: ListItemSummary) => void,
): ColumnsType<ListItemSummary> {
  const t = useT();
  const navigate = useNavigate();
  const open = (item: ListItemSummary) => navigate(`${config.path}/${item.id}`, { state: fromList });
  const specific: ColumnsType<ListItemSummary> = [];
  if (hasField(config, 'amount')) {
    specific.push({
      title: t(config.amountKey),
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_, item) => formatAmount(t, item),
    });
  }
  if (hasField(config, 'headcount')) {
    specific.push({
      title: t('field.headcount'),
      dataIndex: 'headcount',
      width: 100,
      align: 'right',
      render: show,
    });
  }
  if (hasField(config, 'stage')) {
    specific.push({
      title: t('field.stage'),
      key: 'stage',
      width: 110,
      render: (_, item) => stageText(t, item),
    });
  }
  return [
    { title: t('field.code'), dataIndex: 'code', width: 140, fixed: 'left', ellipsis: true },
    {
      title: t(config.titleLabelKey),
      dataIndex: 'title',
      width: 260,
      fixed: 'left',
      ellipsis: true,
      render: (title: string, item) => (
        <Link to={`${config.path}/${item.id}`} state={fromList}>
          {title}
        </Link>
      ),
    },
    {
      title: t('lists.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: ListStatus) => <StatusTag status={status} />,
    },
    { title: t(config.ownerKey), dataIndex: 'ownerName', width: 200, ellipsis: true, render: show },
    {
      title: t('registry.region'),
      key: 'region',
      width: 180,
      ellipsis: true,
      render: (_, item) => regionLabel(t, item),
    },
    {
      title: t(config.tagColumn === 'industries' ? 'field.industries' : 'field.disciplines'),
      dataIndex: config.tagColumn,
      width: 180,
      ellipsis: true,
      render: names,
    },
    ...specific,
    {
      title: t('field.deadline'),
      dataIndex: 'deadline',
      width: 140,
      render: (deadline: string | null) => <Deadline deadline={deadline} />,
    },
    {
      title: t('field.flags'),
      dataIndex: 'flags',
      width: 120,
      render: (_, item) => <FlagsTag flags={item.flags} />,
    },
    updatedAtColumn(t),
    actionsColumn(t, {
      width: 150,
      onView: open,
      edit: { allowed: (item) => item.editable, onEdit, testId: 'list-edit' },
    }),
  ];
}

interface FilterValues {
  q?: string;
  region?: string[];
  status?: ListStatus;
  industry?: string | null;
  discipline?: string | null;
  mine?: boolean;
  flagged?: boolean;
  sort?: ListSort;
}

function sortOptions(t: Translate) {
  const keys = {
    updatedAt: 'registry.sort.updatedAt',
    deadline: 'lists.sort.deadline',
    code: 'registry.sort.code',
    title: 'lists.sort.title',
  } as const;
  return LIST_SORTS.map((sort) => ({ value: sort, label: t(keys[sort]) }));
}

function ListFilterForm({
  params,
  onSearch,
}: {
  params: ListParams;
  onSearch: (filters: ListFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const regions = useRegions();

  // Keep the form showing the filters in force (from the URL; the region needs the tree to become a path).
  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      region: params.regionCode ? regionPath(regions.data, params.regionCode) : undefined,
      status: params.status,
      industry: params.industry ?? null,
      discipline: params.discipline ?? null,
      mine: params.mine === 'true',
      flagged: params.flagged === 'true',
      sort: params.sort ?? 'updatedAt',
    });
  }, [
    form,
    regions.data,
    params.q,
    params.regionCode,
    params.status,
    params.industry,
    params.discipline,
    params.mine,
    params.flagged,
    params.sort,
  ]);

  const submit = (values: FilterValues) =>
    onSearch({
      q: values.q?.trim() || undefined,
      regionCode: regionFilter(values.region, params.regionCode),
      status: values.status || undefined,
      industry: values.industry || undefined,
      discipline: values.discipline || undefined,
      // The cluster filter has no field here; a link may still carry one.
      cluster: params.cluster,
      mine: values.mine ? 'true' : undefined,
      flagged: values.flagged ? 'true' : undefined,
      sort: values.sort && values.sort !== 'updatedAt' ? values.sort : undefined,
    });

  return (
    <FilterForm<FilterValues>
      form={form}
      initialValues={{ sort: 'updatedAt', mine: false, flagged: false }}
      onFinish={submit}
      onReset={() => onSearch({})}
      testId="list-filters"
      searchTestId="list-search"
    >
      <SearchField placeholder={t('lists.searchPlaceholder')} />
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('lists.status')}
          options={LIST_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }))}
          style={{ width: 130 }}
          data-testid="filter-status"
        />
      </Form.Item>
      <Form.Item name="region">
        <RegionCascader placeholder={t('registry.region')} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="industry">
        <DictionarySelect kind="industry" placeholder={t('field.industries')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="discipline">
        <DictionarySelect kind="discipline" placeholder={t('field.disciplines')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="sort">
        <Select options={sortOptions(t)} style={{ width: 160 }} aria-label={t('registry.sort.label')} />
      </Form.Item>
      <Form.Item name="mine" valuePropName="checked">
        <Checkbox data-testid="filter-mine">{t('lists.mineOnly')}</Checkbox>
      </Form.Item>
      <Form.Item name="flagged" valuePropName="checked">
        <Checkbox data-testid="filter-flagged">{t('registry.flaggedOnly')}</Checkbox>
      </Form.Item>
    </FilterForm>
  );
}
