import { Card, Col, Empty, List, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { TOUCH_LINK, usePhone } from '../../app/phone.tsx';
import { useListItems } from '../lists/api.ts';
import { LIST_CONFIGS } from '../lists/config.ts';
import { StatusTag } from '../lists/shared.tsx';
import type { ListKind } from '../lists/types.ts';
import type { TeamView } from './types.ts';

const KINDS: readonly ListKind[] = ['demands', 'talent-demands', 'achievements'];
/** The newest few of each list; the full list is a link away. */
const SHOWN = 8;

/**
 * 县域三张清单: the paired county's technical demands, talent demands and achievements, filtered
 * to the team's leading industry, each item linked to its page and each list to the full one.
 */
export function CountyListsPanel({ team }: { team: TeamView }) {
  const t = useT();
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="county-lists">
      <Typography.Text type="secondary">
        {t('teams.countyLists.help', {
          county: team.countyName ?? '',
          industry: team.industryName ?? t('teams.countyLists.anyIndustry'),
        })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {KINDS.map((kind) => (
          <Col key={kind} xs={24} lg={8}>
            <CountyList kind={kind} team={team} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function CountyList({ kind, team }: { kind: ListKind; team: TeamView }) {
  const t = useT();
  const phone = usePhone();
  const filter = {
    regionCode: team.countyCode ?? undefined,
    ...(team.industryCode ? { industry: team.industryCode } : {}),
  };
  const items = useListItems(kind, { page: 1, pageSize: SHOWN, sort: 'updatedAt', ...filter });
  const all = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const config = LIST_CONFIGS[kind];
  return (
    <Card
      size="small"
      title={`${t(config.titleKey)}（${items.data?.total ?? 0}）`}
      extra={
        <Link to={`/lists/${kind}?${all.toString()}`} style={phone ? TOUCH_LINK : undefined}>
          {t('teams.countyLists.all')}
        </Link>
      }
      data-testid={`county-list-${kind}`}
    >
      {items.isError ? (
        <Typography.Text type="danger">{errorMessage(items.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={items.isPending}
          dataSource={items.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams.countyLists.none')} />
            ),
          }}
          renderItem={(item) => (
            <List.Item data-testid="county-list-item">
              <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                <Link
                  to={`/lists/${kind}/${item.id}`}
                  style={{ ...(phone ? TOUCH_LINK : {}), wordBreak: 'break-all' }}
                >
                  {item.title}
                </Link>
                <Space size={6} wrap>
                  <StatusTag status={item.status} />
                  <Typography.Text type="secondary">{formatDate(item.updatedAt)}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
