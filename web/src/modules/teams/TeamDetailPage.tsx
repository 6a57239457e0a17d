import { ArrowLeftOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { EMPTY, formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import type { FromList } from '../../app/listPage.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useArchiveTeam, useTeam } from './api.ts';
import { TeamKindTag, teamKindLabel } from './shared.tsx';
import { TeamFormDrawer } from './TeamFormDrawer.tsx';
import type { TeamMember, TeamView } from './types.ts';

/** One service team: its leader and members with their duties; edit and archive for managers. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  return <TeamDetail key={id} id={id} />;
}

function TeamDetail({ id }: { id: string }) {
  const t = useT();
  useDocumentTitle('menu.teams');
  const navigate = useNavigate();
  const location = useLocation();
  const listSearch = (location.state as FromList | null)?.listSearch ?? '';
  const team = useTeam(id);
  const regions = useRegions();
  const [editing, setEditing] = useState(false);
  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(`/teams${listSearch}`)}
      aria-label={t('common.backToList')}
      title={t('common.backToList')}
    />
  );

  if (team.isPending) return <Card title={back}>{<PageLoading />}</Card>;
  if (team.isError) {
    return (
      <Card title={back}>
        <PageError error={team.error} onRetry={() => void team.refetch()} />
      </Card>
    );
  }
  const data = team.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8} wrap>
            {back}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="team-title">
              {data.name}
            </Typography.Title>
            <TeamKindTag kind={data.kind} />
            {data.archived && <Tag data-testid="team-archived">{t('teams.archived')}</Tag>}
          </Space>
        }
        extra={<TeamActions team={data} onEdit={() => setEditing(true)} />}
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="team-descriptions">
          <Descriptions.Item label={t('teams.kind')}>{teamKindLabel(t, data.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('field.region')}>
            {regionPathLabel(regions.data, data.regionCode)}
          </Descriptions.Item>
          <Descriptions.Item label={t('teams.leader')}>
            {data.leader ? <ExpertName talentId={data.leader.talentId} name={data.leader.name} /> : EMPTY}
          </Descriptions.Item>
          <Descriptions.Item label={t('teams.memberCount')}>{data.members.length}</Descriptions.Item>
          <Descriptions.Item label={t('teams.status')}>
            {data.archived ? t('teams.archived') : t('teams.active')}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.updatedAt')}>{formatDateTime(data.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('teams.description')} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {data.description ?? EMPTY}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <MembersCard team={data} />
      {editing && <TeamFormDrawer team={data} onClose={() => setEditing(false)} />}
    </Space>
  );
}

/** An expert's name, linked to their record for those who may read the registry. */
function ExpertName({ talentId, name }: { talentId: string; name: string }) {
  const canOpen = useCan('registry.read');
  return canOpen ? (
    <Link to={`/registry/talents/${talentId}`} data-testid="team-expert-link">
      {name}
    </Link>
  ) : (
    name
  );
}

/** 团队成员: the leader first, each with their duty. */
function MembersCard({ team }: { team: TeamView }) {
  const t = useT();
  const members = [...team.members].sort((a, b) => Number(b.leader) - Number(a.leader));
  const columns: ColumnsType<TeamMember> = [
    {
      title: t('teams.memberName'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, member) => <ExpertName talentId={member.talentId} name={name} />,
    },
    {
      title: t('teams.memberRole'),
      dataIndex: 'leader',
      width: 110,
      render: (leader: boolean) =>
        leader ? (
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('teams.leaderTag')}
          </Tag>
        ) : (
          t('teams.memberTag')
        ),
    },
    {
      title: t('teams.duty'),
      dataIndex: 'duty',
      render: (duty: string | null) => duty ?? EMPTY,
    },
  ];
  return (
    <Card title={t('teams.members')}>
      <Table<TeamMember>
        rowKey="talentId"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={false}
        data-testid="team-members-table"
      />
    </Card>
  );
}

/** 编辑 and 归档 / 恢复, for those who manage teams. */
function TeamActions({ team, onEdit }: { team: TeamView; onEdit: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const canManage = useCan('teams.manage');
  const archive = useArchiveTeam();
  if (!canManage) return null;

  const toggleArchive = () => {
    return archive.mutateAsync({ id: team.id, archived: !team.archived, version: team.version }).then(
      (saved) => void message.success(saved.archived ? t('teams.archivedDone') : t('teams.restoredDone')),
      (error: unknown) => {
        // The team has been read again (useArchiveTeam), so the page shows it as it is now.
        const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
        void message.error(
          conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
        );
      },
    );
  };

  return (
    <Space wrap>
      <Popconfirm
        title={team.archived ? t('registry.restore') : t('registry.archive')}
        description={team.archived ? t('teams.restoreConfirm') : t('teams.archiveConfirm')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={toggleArchive}
      >
        <Button
          icon={team.archived ? <RollbackOutlined /> : <InboxOutlined />}
          loading={archive.isPending}
          data-testid="team-archive"
        >
          {team.archived ? t('registry.restore') : t('registry.archive')}
        </Button>
      </Popconfirm>
      <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="team-detail-edit">
        {t('common.edit')}
      </Button>
    </Space>
  );
}
