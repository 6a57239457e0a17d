import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileDoneOutlined,
  GlobalOutlined,
  IdcardOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import { chinaHour } from '../../app/format.ts';
import { type MessageKey, useI18n } from '../../app/i18n.tsx';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useOwnOrganisationName } from '../registry/api.ts';
import { Workbench } from './Workbench.tsx';

/** An expert's matching demands (with the list they are drawn in): fetched after the first screen. */
const ExpertMatches = lazy(async () => ({ default: (await import('./ExpertMatches.tsx')).ExpertMatches }));

/** Team members' planned sessions: fetched after the first screen, for those who serve in teams. */
const MyServiceCard = lazy(async () => ({
  default: (await import('../standing/MyServiceCard.tsx')).MyServiceCard,
}));

interface Capability {
  /** Shown when the account holds it; absent means everyone. */
  permission?: string;
  icon: ReactNode;
  title: MessageKey;
  description: MessageKey;
  path?: string;
}

const CAPABILITIES: Capability[] = [
  {
    permission: 'insights.read',
    icon: <BarChartOutlined />,
    title: 'home.cap.insights',
    description: 'home.cap.insightsDesc',
    path: '/insights',
  },
  {
    permission: 'users.manage',
    icon: <TeamOutlined />,
    title: 'home.cap.usersManage',
    description: 'home.cap.usersManageDesc',
    path: '/users',
  },
  {
    permission: 'users.read',
    icon: <TeamOutlined />,
    title: 'home.cap.usersRead',
    description: 'home.cap.usersReadDesc',
    path: '/users',
  },
  {
    permission: 'roles.manage',
    icon: <SafetyCertificateOutlined />,
    title: 'home.cap.rolesManage',
    description: 'home.cap.rolesManageDesc',
    path: '/roles',
  },
  {
    permission: 'roles.read',
    icon: <SafetyCertificateOutlined />,
    title: 'home.cap.rolesRead',
    description: 'home.cap.rolesReadDesc',
    path: '/roles',
  },
  {
    permission: 'organisations.manage',
    icon: <ApartmentOutlined />,
    title: 'home.cap.organisationsManage',
    description: 'home.cap.organisationsManageDesc',
  },
  {
    permission: 'organisations.read',
    icon: <ApartmentOutlined />,
    title: 'home.cap.organisationsRead',
    description: 'home.cap.organisationsReadDesc',
  },
  {
    permission: 'registry.manage',
    icon: <DatabaseOutlined />,
    title: 'home.cap.registryManage',
    description: 'home.cap.registryManageDesc',
    path: '/registry/talents',
  },
  {
    permission: 'registry.read',
    icon: <DatabaseOutlined />,
    title: 'home.cap.registryRead',
    description: 'home.cap.registryReadDesc',
    path: '/registry/talents',
  },
  {
    permission: 'dictionaries.manage',
    icon: <BookOutlined />,
    title: 'home.cap.dictionaries',
    description: 'home.cap.dictionariesDesc',
    path: '/dictionaries',
  },
  {
    permission: 'lists.manage',
    icon: <BulbOutlined />,
    title: 'home.cap.listsManage',
    description: 'home.cap.listsManageDesc',
    path: '/lists/demands',
  },
  {
    permission: 'lists.submit',
    icon: <BulbOutlined />,
    title: 'home.cap.listsSubmit',
    description: 'home.cap.listsSubmitDesc',
    path: '/lists/demands',
  },
  {
    permission: 'lists.read',
    icon: <BulbOutlined />,
    title: 'home.cap.listsRead',
    description: 'home.cap.listsReadDesc',
    path: '/lists/demands',
  },
  {
    permission: 'matching.use',
    icon: <AimOutlined />,
    title: 'home.cap.matching',
    description: 'home.cap.matchingDesc',
    path: '/matching/search',
  },
  {
    permission: 'orders.manage',
    icon: <FileDoneOutlined />,
    title: 'home.cap.ordersManage',
    description: 'home.cap.ordersManageDesc',
    path: '/orders/board',
  },
  {
    permission: 'orders.act',
    icon: <FileDoneOutlined />,
    title: 'home.cap.ordersAct',
    description: 'home.cap.ordersActDesc',
    path: '/orders',
  },
  {
    permission: 'teams.manage',
    icon: <ClusterOutlined />,
    title: 'home.cap.teamsManage',
    description: 'home.cap.teamsManageDesc',
    path: '/teams',
  },
  {
    permission: 'teams.read',
    icon: <ClusterOutlined />,
    title: 'home.cap.teamsRead',
    description: 'home.cap.teamsReadDesc',
    path: '/teams',
  },
  {
    permission: 'activities.manage',
    icon: <CalendarOutlined />,
    title: 'home.cap.activitiesManage',
    description: 'home.cap.activitiesManageDesc',
    path: '/activities',
  },
  {
    permission: 'activities.join',
    icon: <CalendarOutlined />,
    title: 'home.cap.activitiesJoin',
    description: 'home.cap.activitiesJoinDesc',
    path: '/activities',
  },
  {
    permission: 'activities.read',
    icon: <CalendarOutlined />,
    title: 'home.cap.activitiesRead',
    description: 'home.cap.activitiesReadDesc',
    path: '/activities',
  },
  {
    permission: 'profile.own',
    icon: <IdcardOutlined />,
    title: 'home.cap.profile',
    description: 'home.cap.profileDesc',
    path: '/profile',
  },
  {
    permission: 'audit.read',
    icon: <AuditOutlined />,
    title: 'home.cap.auditRead',
    description: 'home.cap.auditReadDesc',
    path: '/audit',
  },
  {
    permission: 'scope.all',
    icon: <GlobalOutlined />,
    title: 'home.cap.scopeAll',
    description: 'home.cap.scopeAllDesc',
  },
  {
    permission: 'personal.reveal',
    icon: <EyeOutlined />,
    title: 'home.cap.personalReveal',
    description: 'home.cap.personalRevealDesc',
  },
  { icon: <KeyOutlined />, title: 'home.cap.account', description: 'home.cap.accountDesc', path: '/account' },
];

/** A "manage" capability makes the matching "read" ones redundant on the welcome page. */
const SUPERSEDES: Record<string, readonly string[]> = {
  'users.manage': ['users.read'],
  'roles.manage': ['roles.read'],
  'organisations.manage': ['organisations.read'],
  'registry.manage': ['registry.read'],
  'lists.manage': ['lists.submit', 'lists.read'],
  'lists.submit': ['lists.read'],
  'orders.manage': ['orders.act'],
  'teams.manage': ['teams.read'],
  'activities.manage': ['activities.join', 'activities.read'],
  'activities.join': ['activities.read'],
};

function greetingKey(hour: number): MessageKey {
  if (hour < 6) return 'home.greeting.night';
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

export function HomePage() {
  const { t, pick } = useI18n();
  useDocumentTitle('menu.home');
  const me = useCurrentUser();
  const organisationName = useOwnOrganisationName();

  const superseded = new Set(
    Object.entries(SUPERSEDES)
      .filter(([manage]) => hasPermission(me, manage))
      .flatMap(([, read]) => read),
  );
  // An expert sees the technical demands that fit their profile.
  const showMatches =
    me.role === 'expert' && hasPermission(me, 'matching.use') && hasPermission(me, 'profile.own');
  const capabilities = CAPABILITIES.filter(
    (cap) => !cap.permission || (hasPermission(me, cap.permission) && !superseded.has(cap.permission)),
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(greetingKey(chinaHour()), { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('field.role')}>{pick(me.roleName)}</Descriptions.Item>
          <Descriptions.Item label={t('field.region')}>{me.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('field.organisation')}>
            {organisationName ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Workbench />

      {/* What the person answers for: team sessions, commissioner visits, contact duties (an operator's too). */}
      {hasPermission(me, 'standing.read') && me.role !== 'enterprise' && me.role !== 'auditor' && (
        <Suspense fallback={null}>
          <MyServiceCard expert={me.role === 'expert'} />
        </Suspense>
      )}

      {showMatches && (
        <Suspense fallback={null}>
          <ExpertMatches canReadOrders={hasPermission(me, 'orders.read')} />
        </Suspense>
      )}

      <Card title={t('home.capabilities')}>
        {capabilities.length === 0 ? (
          <Empty description={t('home.noCapabilities')} />
        ) : (
          <Row gutter={[16, 16]}>
            {capabilities.map((cap) => (
              <Col key={cap.title} xs={24} sm={12} xl={8}>
                <CapabilityCard capability={cap} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}

function CapabilityCard({ capability }: { capability: Capability }) {
  const { t } = useI18n();
  const body = (
    <Card size="small" hoverable={Boolean(capability.path)} style={{ height: '100%' }}>
      <Card.Meta
        avatar={<span style={{ fontSize: 22 }}>{capability.icon}</span>}
        title={t(capability.title)}
        description={t(capability.description)}
      />
    </Card>
  );
  return capability.path ? <Link to={capability.path}>{body}</Link> : body;
}
