import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EMPTY } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import {
  actionsColumn,
  FilterForm,
  ListPageCard,
  ListTable,
  SearchField,
  updatedAtColumn,
  useListPaging,
  useListUrl,
} from '../../app/listPage.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useTeams } from './api.ts';
import { teamParams, teamQueryOf } from './listParams.ts';
import { TeamKindTag, teamKindOptions } from './shared.tsx';
import { TeamFormDrawer } from './TeamFormDrawer.tsx';
import type { TeamKind, TeamListParams, TeamView } from './types.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; team: TeamView } | null;

/** 服务团队: the teams the caller may see (the server scopes them), filters kept in the URL. */
export function TeamsPage() {
  const t = useT();
  useDocumentTitle('menu.teams');
  const navigate = useNavigate();
  const canManage = useCan('teams.manage');
  const regions = useRegions();
  const url = useListUrl(teamParams);
  const { params, fromList } = url;
  const teams = useTeams(teamQueryOf(params));
  const { apply, paging } = useListPaging(url, teams);
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = (team: TeamView) => navigate(`/teams/${team.id}`, { state: fromList });

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
    updatedAtColumn(t),
    actionsColumn(t, {
      width: canManage ? 150 : 80,
      onView: open,
      edit: {
        allowed: () => canManage,
        onEdit: (team) => setDialog({ kind: 'edit', team }),
        testId: 'team-edit',
      },
    }),
  ];

  return (
    <ListPageCard
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
      <ListTable<TeamView>
        list={teams}
        paging={paging}
        columns={columns}
        scroll={{ x: 1040 }}
        data-testid="teams-table"
      />
      {dialog?.kind === 'create' && <TeamFormDrawer team={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <TeamFormDrawer team={dialog.team} onClose={() => setDialog(null)} />}
    </ListPageCard>
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
    <FilterForm<FilterValues>
      form={form}
      initialValues={{ withArchived: false }}
      onFinish={(values) =>
        onSearch({
          q: values.q?.trim() || undefined,
          kind: values.kind || undefined,
          withArchived: values.withArchived ? 'true' : undefined,
        })
      }
      onReset={() => onSearch({})}
      testId="team-filters"
      searchTestId="team-search"
    >
      <SearchField placeholder={t('teams.searchPlaceholder')} width={240} testId="team-search-input" />
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
    </FilterForm>
  );
}
