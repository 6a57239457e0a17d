import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ArchiveButton,
  type ArchiveTexts,
  DetailCard,
  DetailDescriptions,
  DetailPage,
  LongText,
} from '../../app/DetailPage.tsx';
import { EMPTY, formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
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
  const team = useTeam(id);
  const regions = useRegions();
  const [editing, setEditing] = useState(false);

  return (
    <DetailPage query={team} listPath="/teams" documentTitle="menu.teams">
      {(data) => (
        <>
          <DetailCard
            title={data.name}
            titleTestId="team-title"
            tags={
              <>
                <TeamKindTag kind={data.kind} />
                {data.archived && <Tag data-testid="team-archived">{t('teams.archived')}</Tag>}
              </>
            }
            actions={<TeamActions team={data} onEdit={() => setEditing(true)} />}
          >
            <DetailDescriptions testId="team-descriptions">
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
              <Descriptions.Item label={t('field.updatedAt')}>
                {formatDateTime(data.updatedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('teams.description')} span={3}>
                <LongText>{data.description ?? EMPTY}</LongText>
              </Descriptions.Item>
            </DetailDescriptions>
          </DetailCard>
          <MembersCard team={data} />
          {editing && <TeamFormDrawer team={data} onClose={() => setEditing(false)} />}
        </>
      )}
    </DetailPage>
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

const ARCHIVE_TEXTS: ArchiveTexts = {
  archive: 'registry.archive',
  restore: 'registry.restore',
  archiveConfirm: 'teams.archiveConfirm',
  restoreConfirm: 'teams.restoreConfirm',
  archived: 'teams.archivedDone',
  restored: 'teams.restoredDone',
};

/** 编辑 and 归档 / 恢复, for those who manage teams. */
function TeamActions({ team, onEdit }: { team: TeamView; onEdit: () => void }) {
  const t = useT();
  const canManage = useCan('teams.manage');
  const archive = useArchiveTeam();
  if (!canManage) return null;

  return (
    <Space wrap>
      <ArchiveButton record={team} archive={archive} texts={ARCHIVE_TEXTS} testId="team-archive" />
      <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="team-detail-edit">
        {t('common.edit')}
      </Button>
    </Space>
  );
}
