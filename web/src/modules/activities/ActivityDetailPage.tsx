import { Card, Col, Descriptions, Row, Space, Statistic, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { DetailCard, DetailDescriptions, DetailPage, LongText } from '../../app/DetailPage.tsx';
import { EMPTY } from '../../app/format.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { StatusTag as ListStatusTag } from '../lists/shared.tsx';
import { isListKind } from '../lists/types.ts';
import { ActivityActions } from './ActivityActions.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { useActivity } from './api.ts';
import { CheckInPanel } from './CheckInPanel.tsx';
import { MeetingsPanel, MyMeetingsCard } from './MeetingsPanel.tsx';
import { OutcomesPanel } from './OutcomesPanel.tsx';
import { PositionsPanel } from './PositionsPanel.tsx';
import { RegistrationCard } from './RegistrationCard.tsx';
import { RegistrationsPanel } from './RegistrationsPanel.tsx';
import {
  ActivityStatusTag,
  activityTime,
  chinaDateTime,
  KindTag,
  kindLabel,
  modeLabel,
  statusLabel,
} from './shared.tsx';
import { type ActivityView, activityDetails, hasMeetings, hasPositions } from './types.ts';

/** One activity: what, when and where, its counts and status actions; the caller's registration; the organisers' desk. */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  return <ActivityDetail key={id} id={id} />;
}

/** Narrower than antd's md breakpoint: the shell's phone layout. */
const PHONE_QUERY = '(max-width: 767.98px)';

const TABS = ['registrations', 'checkin', 'meetings', 'positions', 'outcomes'] as const;
type TabKey = (typeof TABS)[number];

function ActivityDetail({ id }: { id: string }) {
  const activity = useActivity(id);
  const [editing, setEditing] = useState(false);

  return (
    <DetailPage query={activity} listPath="/activities" documentTitle="menu.activities">
      {(data) => (
        <>
          {/* Once confirmed, the check-in QR code is what a person opens the page for at the door: first. */}
          {hasPass(data) && <RegistrationCard activity={data} />}
          <DetailCard
            title={data.title}
            titleTestId="activity-title"
            tags={
              <>
                <KindTag kind={data.kind} />
                <ActivityStatusTag status={data.status} />
              </>
            }
            actions={<ActivityActions activity={data} onEdit={() => setEditing(true)} />}
          >
            <ActivityDescriptions activity={data} />
          </DetailCard>
          {/* Participants see their registration (and their meetings and positions); organisers their desk. */}
          {(!data.manage || data.mine.length > 0) && <ParticipantCards activity={data} />}
          {data.manage && <ManageTabs activity={data} />}
          {editing && <ActivityFormDrawer activity={data} onClose={() => setEditing(false)} />}
        </>
      )}
    </DetailPage>
  );
}

/** Whether the caller holds a confirmed registration, whose check-in QR code the page leads with. */
function hasPass(activity: ActivityView): boolean {
  return activity.mine.some((r) => r.status === 'confirmed' && r.checkInCode);
}

/** The participant's registration (unless it leads the page), with their meetings or the positions beside it. */
function ParticipantCards({ activity }: { activity: ActivityView }) {
  const t = useT();
  const myMeetings =
    hasMeetings(activity.kind) && activity.mine.some((r) => r.role === 'enterprise' || r.role === 'expert');
  const myPositions = hasPositions(activity.kind) && activity.status !== 'draft' && !activity.manage;
  const registration = !hasPass(activity);
  if (!registration && !myMeetings && !myPositions) return null;
  const side = registration ? 14 : 24;
  return (
    <Row gutter={[24, 24]}>
      {registration && (
        <Col xs={24} xl={myMeetings || myPositions ? 10 : 24}>
          <RegistrationCard activity={activity} />
        </Col>
      )}
      {myMeetings && (
        <Col xs={24} xl={side}>
          <MyMeetingsCard activity={activity} />
        </Col>
      )}
      {myPositions && (
        <Col xs={24} xl={side}>
          <Card title={t('activities.tab.positions')} data-testid="my-positions">
            <PositionsPanel activity={activity} />
          </Card>
        </Col>
      )}
    </Row>
  );
}

/** 报名名单, 签到, 洽谈, 岗位, 成效: the organisers' desk; the tab is kept in the URL. */
function ManageTabs({ activity }: { activity: ActivityView }) {
  const t = useT();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get('tab');
  const card = useRef<HTMLDivElement>(null);
  // Arriving at the desk (?tab=checkin) on a phone: the desk on the first screen, not the details above it.
  const [arrivedAtDesk] = useState(() => wanted === 'checkin' && window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    if (arrivedAtDesk) card.current?.scrollIntoView({ block: 'start' });
  }, [arrivedAtDesk]);
  const tabs: { key: TabKey; label: string; children: ReactNode }[] = [
    {
      key: 'registrations',
      label: t('activities.tab.registrations'),
      children: <RegistrationsPanel activity={activity} />,
    },
    { key: 'checkin', label: t('activities.tab.checkin'), children: <CheckInPanel activity={activity} /> },
  ];
  if (hasMeetings(activity.kind)) {
    tabs.push({
      key: 'meetings',
      label: t('activities.tab.meetings'),
      children: <MeetingsPanel activity={activity} />,
    });
  }
  if (hasPositions(activity.kind)) {
    tabs.push({
      key: 'positions',
      label: t('activities.tab.positions'),
      children: <PositionsPanel activity={activity} />,
    });
  }
  tabs.push({
    key: 'outcomes',
    label: t('activities.tab.outcomes'),
    children: <OutcomesPanel activity={activity} />,
  });
  const active = tabs.find((tab) => tab.key === wanted)?.key ?? 'registrations';
  return (
    // The margin keeps the sticky header from covering the tabs when scrolled to.
    <Card ref={card} style={{ scrollMarginTop: 64 }} data-testid="activity-manage">
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(searchParams);
          next.set('tab', key);
          // The way back to the list goes along.
          setSearchParams(next, { replace: true, state: location.state });
        }}
        items={tabs}
        destroyOnHidden
      />
    </Card>
  );
}

/** The kind's own settings, as lines for the description. */
function detailItems(t: Translate, activity: ActivityView): { label: string; value: ReactNode }[] {
  const d = activityDetails(activity);
  const items: { label: string; value: ReactNode }[] = [];
  if (activity.kind === 'matchmaking' && d.meetings) {
    const grid = d.meetings;
    items.push({
      label: t('activities.grid.title'),
      value: t('activities.grid.line', {
        from: grid.firstSlotAt,
        slots: grid.slots,
        minutes: grid.slotMinutes,
        tables: grid.tables,
      }),
    });
  }
  if (d.theme) items.push({ label: t('activities.details.theme'), value: d.theme });
  if (d.route) items.push({ label: t('activities.details.route'), value: d.route });
  if (activity.kind === 'job_fair') {
    items.push({ label: t('activities.details.mode'), value: modeLabel(t, d.mode ?? 'offline') });
    if (d.booths) items.push({ label: t('activities.details.booths'), value: d.booths });
  }
  if (d.school) items.push({ label: t('activities.details.school'), value: d.school });
  if (d.days)
    items.push({ label: t('activities.details.days'), value: `${d.days} ${t('activities.unit.days')}` });
  if (d.hours)
    items.push({ label: t('activities.details.hours'), value: `${d.hours} ${t('activities.unit.hours')}` });
  if (activity.kind === 'training') {
    items.push({
      label: t('activities.details.certificate'),
      value: d.certificate ? t('common.yes') : t('common.no'),
    });
  }
  if (d.curriculum) items.push({ label: t('activities.details.curriculum'), value: d.curriculum });
  if (d.services) items.push({ label: t('activities.details.services'), value: d.services });
  return items;
}

function ActivityDescriptions({ activity }: { activity: ActivityView }) {
  const t = useT();
  const regions = useRegions();
  const canOpenLists = useCan('lists.read');
  const { counts } = activity;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid="activity-counts">
        <Col xs={12} md={6}>
          <Statistic
            title={t('activities.count.confirmed')}
            value={activity.capacity !== null ? counts.seated : counts.confirmed}
            suffix={activity.capacity !== null ? `/ ${activity.capacity}` : undefined}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('activities.count.pending')} value={counts.pending} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('activities.count.waitlisted')} value={counts.waitlisted} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('activities.count.checkedIn')} value={counts.checkedIn} />
        </Col>
      </Row>
      <DetailDescriptions testId="activity-descriptions">
        <Descriptions.Item label={t('activities.code')}>{activity.code}</Descriptions.Item>
        <Descriptions.Item label={t('activities.kind')}>{kindLabel(t, activity.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('activities.statusLabel')}>
          {statusLabel(t, activity.status)}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.time')}>{activityTime(t, activity)}</Descriptions.Item>
        <Descriptions.Item label={t('activities.place')}>{activity.place ?? EMPTY}</Descriptions.Item>
        <Descriptions.Item label={t('field.region')}>
          {regionPathLabel(regions.data, activity.regionCode)}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.organisers')}>
          {activity.organisers.length === 0 ? (
            EMPTY
          ) : (
            <Space size={[4, 4]} wrap>
              {activity.organisers.map((name) => (
                <Tag key={name} style={{ marginInlineEnd: 0 }}>
                  {name}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.capacity')}>
          {activity.capacity === null
            ? t('activities.unlimited')
            : `${activity.capacity} ${t('activities.unit.people')}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.registrationClosesAt')}>
          {activity.registrationClosesAt
            ? chinaDateTime(activity.registrationClosesAt)
            : t('activities.closesAtEnd')}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.needsApproval')}>
          {activity.needsApproval ? t('activities.approval.yes') : t('activities.approval.no')}
        </Descriptions.Item>
        {detailItems(t, activity).map((item) => (
          <Descriptions.Item key={item.label} label={item.label}>
            {item.value}
          </Descriptions.Item>
        ))}
      </DetailDescriptions>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('activities.description')}>
          <LongText>{activity.description ?? EMPTY}</LongText>
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.featured')}>
          {activity.featured.length === 0 ? (
            EMPTY
          ) : (
            <Space direction="vertical" size={4} data-testid="activity-featured-items">
              {activity.featured.map((item) => (
                <Space key={item.id} size={6} wrap>
                  <Tag style={{ marginInlineEnd: 0 }}>{item.code}</Tag>
                  {canOpenLists && isListKind(item.kind) ? (
                    <Link to={`/lists/${item.kind}/${item.id}`}>{item.title}</Link>
                  ) : (
                    item.title
                  )}
                  <ListStatusTag status={item.status} />
                </Space>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
