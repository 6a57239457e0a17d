import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
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
import { PageLoading } from '../../app/PageState.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useArchiveTeam, useTeam } from './api.ts';
import { MemberRoleTag, TeamKindTag, teamKindLabel } from './shared.tsx';
import { TeamFormDrawer } from './TeamFormDrawer.tsx';
import type { TeamMember, TeamView } from './types.ts';

/** The year's plan and its calendar: fetched when the tab is first opened. */
const PlanPanel = lazy(async () => ({ default: (await import('../standing/PlanPanel.tsx')).PlanPanel }));
/** 团队成效: fetched when the tab is first opened. */
const OutcomesPanel = lazy(async () => ({
  default: (await import('../standing/OutcomesPanel.tsx')).OutcomesPanel,
}));
/** The county's three lists: fetched when the tab is first opened. */
const CountyListsPanel = lazy(async () => ({
  default: (await import('./CountyListsPanel.tsx')).CountyListsPanel,
}));

/**
 * One service team: its leader and members with their roles and duties, its pairing (county,
 * industry, station and liaison), 年度计划 (`?tab=plan`) and 团队成效 (`?tab=outcomes`); edit and
 * archive for managers.
 */
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
              {(data.kind === 'combined' || data.countyCode) && (
                <Descriptions.Item label={t('teams.county')}>
                  <span data-testid="team-county">{data.countyName ?? EMPTY}</span>
                </Descriptions.Item>
              )}
              {(data.kind === 'combined' || data.industryName) && (
                <Descriptions.Item label={t('teams.industry')}>
                  <span data-testid="team-industry">
                    {data.industryName ?? EMPTY}
                    {data.industryCode ? `（${data.industryCode}）` : ''}
                  </span>
                </Descriptions.Item>
              )}
              {(data.kind === 'combined' || data.station) && (
                <Descriptions.Item label={t('teams.station')}>
                  <span data-testid="team-station">{data.station ? data.station.name : EMPTY}</span>
                </Descriptions.Item>
              )}
              {data.station && (
                <Descriptions.Item label={t('teams.liaison')}>
                  <span data-testid="team-liaison">
                    {[data.station.liaisonName, data.station.liaisonMobile].filter(Boolean).join(' ') ||
                      EMPTY}
                  </span>
                </Descriptions.Item>
              )}
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
          <TeamTabs team={data} />
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

/**
 * 团队成员, 年度计划, 团队成效 and — for a combined team paired with a county — 县域三张清单, the
 * tab kept in the URL (reminders link to `?tab=plan`).
 */
function TeamTabs({ team }: { team: TeamView }) {
  const t = useT();
  const location = useLocation();
  const canReadLists = useCan('lists.read');
  const [searchParams, setSearchParams] = useSearchParams();
  const hasLists = team.kind === 'combined' && team.countyCode !== null && canReadLists;
  const asked = searchParams.get('tab');
  const active =
    asked === 'plan' || asked === 'outcomes' ? asked : asked === 'lists' && hasLists ? 'lists' : 'members';
  return (
    // The margin keeps the sticky header from covering the tabs when scrolled to.
    <Card style={{ scrollMarginTop: 64 }} data-testid="team-tabs">
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(searchParams);
          if (key === 'members') {
            next.delete('tab');
            next.delete('year');
          } else next.set('tab', key);
          // The way back to the list goes along.
          setSearchParams(next, { replace: true, state: location.state });
        }}
        items={[
          { key: 'members', label: t('teams.members'), children: <MembersTable team={team} /> },
          {
            key: 'plan',
            label: t('standing.plan.tab'),
            children: (
              <Suspense fallback={<PageLoading />}>
                <PlanPanel team={team} />
              </Suspense>
            ),
          },
          {
            key: 'outcomes',
            label: t('standing.outcomes.tab'),
            children: (
              <Suspense fallback={<PageLoading />}>
                <OutcomesPanel team={team} />
              </Suspense>
            ),
          },
          ...(hasLists
            ? [
                {
                  key: 'lists',
                  label: t('teams.countyLists'),
                  children: (
                    <Suspense fallback={<PageLoading />}>
                      <CountyListsPanel team={team} />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ]}
        destroyOnHidden
      />
    </Card>
  );
}

/** 团队成员: the leader first, each with their role and duty. */
function MembersTable({ team }: { team: TeamView }) {
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
      width: 200,
      render: (leader: boolean, member) => (
        <Space size={4} wrap>
          {leader && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('teams.leaderTag')}
            </Tag>
          )}
          {member.role !== 'member' || !leader ? <MemberRoleTag role={member.role} /> : null}
        </Space>
      ),
    },
    {
      title: t('teams.duty'),
      dataIndex: 'duty',
      render: (duty: string | null) => duty ?? EMPTY,
    },
  ];
  return (
    <Table<TeamMember>
      rowKey="talentId"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      data-testid="team-members-table"
    />
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
