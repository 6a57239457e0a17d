import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EMPTY, usePickerFormats } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import {
  actionsColumn,
  ExportButtons,
  FilterForm,
  type FromList,
  ListPageCard,
  ListTable,
  SearchField,
  useListPaging,
  useListUrl,
} from '../../app/listPage.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionFilter, regionPath, regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { ActivityCalendar } from './ActivityCalendar.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { useActivities } from './api.ts';
import { activityParams, filtersOf, listQueryOf } from './listParams.ts';
import { ActivityStatusTag, activityTime, KindTag, kindOptions, statusOptions } from './shared.tsx';
import type {
  ActivityFilters,
  ActivityKind,
  ActivityListParams,
  ActivityStatus,
  ActivitySummary,
} from './types.ts';

/** 活动: the activities the caller may see (the server scopes them), as a list or a month calendar; filters in the URL. */
export function ActivitiesPage() {
  const t = useT();
  useDocumentTitle('menu.activities');
  const navigate = useNavigate();
  const canManage = useCan('activities.manage');
  const url = useListUrl(activityParams);
  const { params, fromList } = url;
  const calendar = params.view === 'calendar';
  const list = useActivities(listQueryOf(params), !calendar);
  const { apply, paging } = useListPaging(url, list);
  const [creating, setCreating] = useState(false);
  const columns = useColumns(fromList);

  return (
    <ListPageCard
      title={t('menu.activities')}
      extra={
        <Space wrap>
          <Segmented<'list' | 'calendar'>
            value={calendar ? 'calendar' : 'list'}
            onChange={(view) =>
              apply({ ...params, page: 1, view: view === 'calendar' ? 'calendar' : undefined })
            }
            options={[
              { value: 'list', icon: <UnorderedListOutlined />, label: t('activities.view.list') },
              { value: 'calendar', icon: <CalendarOutlined />, label: t('activities.view.calendar') },
            ]}
            data-testid="activity-view"
          />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="activity-create"
            >
              {t('activities.create')}
            </Button>
          )}
          <ExportButtons
            path="/api/activities/export"
            fileName="activities"
            filters={{ ...filtersOf(params) }}
            testId="activities"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="activities-help">
        {t(canManage ? 'activities.help.manager' : 'activities.help.participant')}
      </Typography.Paragraph>
      <ActivityFilterForm
        params={params}
        onSearch={(filters) =>
          apply({ page: 1, pageSize: params.pageSize, view: params.view, month: params.month, ...filters })
        }
      />
      {calendar ? (
        <ActivityCalendar
          filters={filtersOf(params)}
          month={params.month}
          onMonth={(month) => apply({ ...params, month })}
          fromList={fromList}
        />
      ) : (
        <ListTable<ActivitySummary>
          list={list}
          paging={paging}
          columns={columns}
          scroll={{ x: 1050 }}
          data-testid="activities-table"
        />
      )}
      {creating && (
        <ActivityFormDrawer
          activity={null}
          onClose={() => setCreating(false)}
          onSaved={(activity) => navigate(`/activities/${activity.id}`, { state: fromList })}
        />
      )}
    </ListPageCard>
  );
}

function useColumns(fromList: FromList): ColumnsType<ActivitySummary> {
  const t = useT();
  const navigate = useNavigate();
  const regions = useRegions();
  return [
    {
      title: t('activities.title'),
      dataIndex: 'title',
      width: 230,
      fixed: 'left',
      ellipsis: true,
      render: (title: string, activity) => (
        <Space direction="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Link to={`/activities/${activity.id}`} state={fromList}>
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {activity.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('activities.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: ActivityKind) => <KindTag kind={kind} />,
    },
    {
      title: t('activities.statusLabel'),
      dataIndex: 'status',
      width: 90,
      render: (status: ActivityStatus) => <ActivityStatusTag status={status} />,
    },
    {
      title: t('activities.time'),
      key: 'time',
      width: 180,
      render: (_, activity) => activityTime(t, activity),
    },
    {
      title: t('activities.place'),
      dataIndex: 'place',
      width: 140,
      ellipsis: true,
      render: (place: string | null, activity) => place ?? regionPathLabel(regions.data, activity.regionCode),
    },
    {
      title: t('activities.count.registered'),
      key: 'registered',
      width: 100,
      align: 'right',
      render: (_, activity) => (
        <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
          <span data-testid="activity-registered">
            {activity.capacity !== null
              ? `${activity.counts.seated} / ${activity.capacity}`
              : activity.counts.confirmed}
          </span>
          {activity.counts.pending > 0 && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('activities.count.pendingShort', { count: activity.counts.pending })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('activities.count.waitlisted'),
      key: 'waitlisted',
      width: 64,
      align: 'right',
      render: (_, activity) => activity.counts.waitlisted || EMPTY,
    },
    {
      title: t('activities.count.checkedIn'),
      key: 'checkedIn',
      width: 64,
      align: 'right',
      render: (_, activity) => activity.counts.checkedIn || EMPTY,
    },
    actionsColumn(t, {
      width: 76,
      onView: (activity) => navigate(`/activities/${activity.id}`, { state: fromList }),
    }),
  ];
}

interface FilterValues {
  q?: string;
  kind?: ActivityKind;
  status?: ActivityStatus;
  region?: string[];
  mine?: boolean;
  /** The days the activities overlap (the workbench's 本周活动 opens the list with this week). */
  dates?: [Dayjs | null, Dayjs | null];
}

function ActivityFilterForm({
  params,
  onSearch,
}: {
  params: ActivityListParams;
  onSearch: (filters: ActivityFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const regions = useRegions();
  const formats = usePickerFormats();

  // Keep the form showing the filters in force (from the URL; the region needs the tree to become a path).
  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      kind: params.kind,
      status: params.status,
      region: params.regionCode ? regionPath(regions.data, params.regionCode) : undefined,
      mine: params.mine === 'true',
      dates:
        params.from || params.to
          ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]
          : undefined,
    });
  }, [
    form,
    regions.data,
    params.q,
    params.kind,
    params.status,
    params.regionCode,
    params.mine,
    params.from,
    params.to,
  ]);

  return (
    <FilterForm<FilterValues>
      form={form}
      initialValues={{ mine: false }}
      onFinish={(values) =>
        onSearch({
          q: values.q?.trim() || undefined,
          kind: values.kind || undefined,
          status: values.status || undefined,
          regionCode: regionFilter(values.region, params.regionCode),
          mine: values.mine ? 'true' : undefined,
          from: values.dates?.[0]?.format('YYYY-MM-DD'),
          to: values.dates?.[1]?.format('YYYY-MM-DD'),
        })
      }
      onReset={() => onSearch({})}
      testId="activity-filters"
      searchTestId="activity-search"
    >
      <SearchField placeholder={t('activities.searchPlaceholder')} testId="activity-search-input" />
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t('activities.kind')}
          options={kindOptions(t)}
          style={{ width: 150 }}
          data-testid="activity-filter-kind"
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('activities.statusLabel')}
          options={statusOptions(t)}
          style={{ width: 130 }}
          data-testid="activity-filter-status"
        />
      </Form.Item>
      <Form.Item name="region">
        <RegionCascader placeholder={t('field.region')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format={formats.date}
          placeholder={[t('activities.from'), t('activities.to')]}
          data-testid="activity-filter-dates"
        />
      </Form.Item>
      <Form.Item name="mine" valuePropName="checked">
        <Checkbox data-testid="activity-filter-mine">{t('activities.mineOnly')}</Checkbox>
      </Form.Item>
    </FilterForm>
  );
}
