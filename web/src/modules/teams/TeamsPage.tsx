import { EditOutlined, EyeOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { sameParams } from '../../app/api.ts';
import { EMPTY, formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { FilterButtons, type FromList, useTablePaging } from '../../app/listPage.tsx';
import { PageError } from '../../app/PageState.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useTeams } from './api.ts';
import { readTeamParams, teamQueryOf, writeTeamParams } from './listParams.ts';
import { TeamKindTag, teamKindOptions } from './shared.tsx';
import { TeamFormDrawer } from './TeamFormDrawer.tsx';
import type { TeamKind, TeamListParams, TeamView } from './types.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; team: TeamView } | null;

/** 服务团队: the teams the caller may see (the server scopes them), filters kept in the URL. */
export function TeamsPage() {
  const t = useT();
  useDocumentTitle('menu.teams');
  const navigate = useNavigate();
  const location = useLocation();
  const canManage = useCan('teams.manage');
  const regions = useRegions();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readTeamParams(searchParams);
  const teams = useTeams(teamQueryOf(params));
  const [dialog, setDialog] = useState<Dialog>(null);
  const fromList: FromList = { listSearch: location.search };
  const open = (team: TeamView) => navigate(`/teams/${team.id}`, { state: fromList });

  const apply = (next: TeamListParams) => {
    // Pressing search with unchanged filters still asks the server again.
    if (sameParams(next, params)) void teams.refetch();
    else setSearchParams(writeTeamParams(next));
  };
  const paging = useTablePaging(params, teams.data?.total ?? 0, apply);

  const columns: ColumnsType<TeamView> = [
    {
      title: t('teams.name'),
      dataIndex: 'name',
      // The rest of the width.
      ellipsis: true,
      render: (name: string, team) => (
        <Space size={6}>
          <Link to={`/teams/${team.id}`} state={fromList}>
            {name}
          </Link>
          {team.archived && <Tag style={{ marginInlineEnd: 0 }}>{t('teams.archived')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('teams.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: TeamKind) => <TeamKindTag kind={kind} />,
    },
    {
      title: t('teams.leader'),
      key: 'leader',
      width: 120,
      render: (_, team) => team.leader?.name ?? EMPTY,
    },
    {
      title: t('teams.memberCount'),
      key: 'memberCount',
      width: 100,
      align: 'right',
      render: (_, team) => team.members.length,
    },
    {
      title: t('field.region'),
      dataIndex: 'regionCode',
      width: 180,
      ellipsis: true,
      render: (code: string) => regionPathLabel(regions.data, code),
    },
    {
      title: t('field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canManage ? 150 : 80,
      render: (_, team) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => open(team)}>
            {t('common.view')}
          </Button>
          {canManage && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: 'edit', team })}
              data-testid="team-edit"
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('menu.teams')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="team-create"
          >
            {t('teams.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" data-testid="teams-help">
        {t(canManage ? 'teams.help.manager' : 'teams.help.reader')}
      </Typography.Paragraph>
      <TeamFilterForm
        params={params}
        onSearch={(filters) => apply({ page: 1, pageSize: params.pageSize, ...filters })}
      />
      {teams.isError && !teams.data ? (
        <PageError error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <Table<TeamView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={teams.data?.items ?? []}
          loading={teams.isFetching}
          scroll={{ x: 1040 }}
          data-testid="teams-table"
          pagination={paging.pagination}
          onChange={paging.onChange}
        />
      )}
      {dialog?.kind === 'create' && <TeamFormDrawer team={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <TeamFormDrawer team={dialog.team} onClose={() => setDialog(null)} />}
    </Card>
  );
}

interface FilterValues {
  q?: string;
  kind?: TeamKind;
  withArchived?: boolean;
}

type TeamFilters = Omit<TeamListParams, 'page' | 'pageSize'>;

function TeamFilterForm({
  params,
  onSearch,
}: {
  params: TeamFilters;
  onSearch: (filters: TeamFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();

  // Keep the form showing the filters in force (from the URL).
  useEffect(() => {
    form.setFieldsValue({ q: params.q, kind: params.kind, withArchived: params.withArchived === 'true' });
  }, [form, params.q, params.kind, params.withArchived]);

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      initialValues={{ withArchived: false }}
      onFinish={(values) =>
        onSearch({
          q: values.q?.trim() || undefined,
          kind: values.kind || undefined,
          withArchived: values.withArchived ? 'true' : undefined,
        })
      }
      style={{ marginBottom: 16, rowGap: 12 }}
      data-testid="team-filters"
    >
      <Form.Item name="q">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('teams.searchPlaceholder')}
          style={{ width: 240 }}
          maxLength={64}
          data-testid="team-search-input"
        />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t('teams.kind')}
          options={teamKindOptions(t)}
          style={{ width: 160 }}
          data-testid="team-filter-kind"
        />
      </Form.Item>
      <Form.Item name="withArchived" valuePropName="checked">
        <Checkbox data-testid="team-filter-archived">{t('teams.withArchived')}</Checkbox>
      </Form.Item>
      <FilterButtons
        searchTestId="team-search"
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      />
    </Form>
  );
}
