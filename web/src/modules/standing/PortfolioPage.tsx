import { Alert, Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { EMPTY, formatDate } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { TOUCH_LINK, TouchTargets, usePhone } from '../../app/phone.tsx';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useOccurrences, useOverviewRows } from './api.ts';
import { useEndPairing, usePortfolio } from './api-commissioners.ts';
import { EndWithReason } from './EndWithReason.tsx';
import { OccurrenceList } from './OccurrenceList.tsx';
import { PAIRING_STATUS_NAMES, type PortfolioView } from './types.ts';

type Term = PortfolioView['terms'][number];

/** A UUID as the server takes it: anything else in the URL is ignored. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 特派员服务台账: one card per enterprise of the commissioner's portfolio (term, last visit, next
 * due, overdue, demands, refined demands awaiting the enterprise, orders), its visits due with
 * 登记, and for operators 提前结束. An expert sees their own; an operator opens a commissioner of
 * the region (`?talentId=`, or the picker). Made for a phone: cards, 44 px targets.
 */
export function PortfolioPage() {
  const { t } = useI18n();
  useDocumentTitle('menu.portfolio');
  const phone = usePhone();
  const manage = useCan('standing.manage');
  const [searchParams, setSearchParams] = useSearchParams();
  const given = searchParams.get('talentId');
  const talentId = given && UUID.test(given) ? given : undefined;
  // An operator chooses whose; without a choice there is nothing to ask for.
  const portfolio = usePortfolio(talentId, !manage || talentId !== undefined);
  const notCommissioner =
    portfolio.error instanceof ApiError && portfolio.error.code === 'COMMISSIONER_NOT_FOUND';
  return (
    <TouchTargets on={phone}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="portfolio-page">
        <Card
          title={
            <span style={{ whiteSpace: 'normal' }} data-testid="portfolio-title">
              {t('menu.portfolio')}
              {portfolio.data ? ` · ${portfolio.data.name}` : ''}
            </span>
          }
          styles={{ title: { whiteSpace: 'normal' } }}
        >
          {manage && (
            <CommissionerPicker
              value={talentId}
              current={portfolio.data?.name}
              onChange={(id) => setSearchParams(id ? { talentId: id } : {}, { replace: true })}
            />
          )}
          {!manage && <Typography.Text type="secondary">{t('standing.portfolio.help')}</Typography.Text>}
        </Card>
        {manage && !talentId ? null : notCommissioner ? (
          <Card>
            <Empty description={t('standing.portfolio.none')} data-testid="portfolio-none" />
          </Card>
        ) : portfolio.isError ? (
          <PageError error={portfolio.error} onRetry={() => void portfolio.refetch()} />
        ) : !portfolio.data ? (
          <PageLoading />
        ) : portfolio.data.terms.length === 0 ? (
          <Card>
            <Empty description={t('standing.portfolio.none')} data-testid="portfolio-none" />
          </Card>
        ) : (
          portfolio.data.terms.map((term) => (
            <TermCard key={term.pairingId} term={term} canManage={portfolio.data.canManage} />
          ))
        )}
      </Space>
    </TouchTargets>
  );
}

/**
 * The region's commissioners (the office view's rows, searched by name on the server), for an
 * operator to open one; the one open is named even when the page of options leaves it out.
 */
function CommissionerPicker({
  value,
  current,
  onChange,
}: {
  value?: string;
  current?: string;
  onChange: (id?: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const rows = useOverviewRows({
    subject: 'commission',
    sort: 'name',
    q: q.trim() || undefined,
    pageSize: 50,
  });
  const options = (rows.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}（${t('standing.portfolio.enterprisesCount', { count: c.enterprises ?? 0 })}）`,
  }));
  if (value && current && !options.some((o) => o.value === value)) options.unshift({ value, label: current });
  return (
    <Select<string>
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(id?: string) => {
        setQ('');
        onChange(id);
      }}
      loading={rows.isFetching}
      placeholder={t('standing.portfolio.pick')}
      options={options}
      style={{ width: '100%', maxWidth: 420 }}
      data-testid="portfolio-commissioner"
    />
  );
}

/** One enterprise of the portfolio: where the term stands, and its visits due (opened on demand). */
function TermCard({ term, canManage }: { term: Term; canManage: boolean }) {
  const { t, pick } = useI18n();
  const phone = usePhone();
  const canOpen = useCan('registry.read');
  const [open, setOpen] = useState(term.status === 'confirmed');
  const [ending, setEnding] = useState(false);
  const line = (label: string, value: React.ReactNode, testId?: string) => (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span style={{ textAlign: 'right' }}>{value}</span>
    </div>
  );
  return (
    <Card
      size="small"
      title={
        canOpen ? (
          <Link
            to={`/registry/enterprises/${term.enterpriseId}`}
            style={{ ...(phone ? TOUCH_LINK : {}), whiteSpace: 'normal' }}
          >
            {term.enterpriseName}
          </Link>
        ) : (
          term.enterpriseName
        )
      }
      extra={
        <Tag color={term.status === 'confirmed' ? 'green' : undefined} style={{ marginInlineEnd: 0 }}>
          {pick(PAIRING_STATUS_NAMES[term.status])}
        </Tag>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
      data-testid="portfolio-term"
      data-enterprise={term.enterpriseName}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {line(t('standing.round.term'), `${formatDate(term.termStart)} ~ ${formatDate(term.termEnd)}`)}
        {term.regionName && line(t('field.region'), term.regionName)}
        {line(
          t('standing.portfolio.visits'),
          t('standing.portfolio.visitsLine', { visits: term.visits, planned: term.planned }),
        )}
        {line(
          t('standing.portfolio.lastVisit'),
          formatDate(term.lastVisitOn) || EMPTY,
          'portfolio-last-visit',
        )}
        {line(t('standing.portfolio.nextDue'), formatDate(term.nextDueOn) || EMPTY)}
        {line(
          t('standing.portfolio.overdue'),
          <Typography.Text type={term.overdue > 0 ? 'danger' : undefined} strong={term.overdue > 0}>
            {term.overdue}
          </Typography.Text>,
          'portfolio-overdue',
        )}
        {line(t('standing.portfolio.openDemands'), term.openDemands)}
        {line(
          t('standing.portfolio.refined'),
          <span data-testid="portfolio-refined">
            <span data-testid="portfolio-refined-count">{term.refined}</span>
            {term.refinedDrafts > 0 && (
              <Tag
                color="orange"
                style={{ marginInlineStart: 6, marginInlineEnd: 0 }}
                data-testid="portfolio-refined-drafts"
              >
                {t('standing.portfolio.awaiting', { count: term.refinedDrafts })}
              </Tag>
            )}
          </span>,
        )}
        {line(t('standing.portfolio.openOrders'), term.openOrders)}
        {term.endReason && line(t('standing.portfolio.endReason'), term.endReason)}
      </Space>
      {term.status === 'confirmed' && (
        <Space wrap style={{ marginTop: 12, width: '100%' }}>
          <Button
            onClick={() => setOpen((v) => !v)}
            aria-expanded={open}
            style={phone ? { width: '100%' } : undefined}
            data-testid="portfolio-visits-toggle"
          >
            {open ? t('standing.portfolio.hideVisits') : t('standing.portfolio.showVisits')}
          </Button>
          {canManage && (
            <Button
              danger
              onClick={() => setEnding(true)}
              style={phone ? { width: '100%' } : undefined}
              data-testid="portfolio-end"
            >
              {t('standing.portfolio.end')}
            </Button>
          )}
        </Space>
      )}
      {open && term.status === 'confirmed' && <TermVisits pairingId={term.pairingId} />}
      {ending && <EndTerm term={term} onClose={() => setEnding(false)} />}
    </Card>
  );
}

/** 提前结束: why the term ends now; its visits from today on are dropped. */
function EndTerm({ term, onClose }: { term: Term; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <EndWithReason
      end={useEndPairing()}
      record={{ id: term.pairingId, version: term.version }}
      texts={{
        title: t('standing.portfolio.endTitle', { name: term.enterpriseName }),
        okText: t('standing.portfolio.end'),
        label: t('standing.portfolio.endReason'),
        hint: t('standing.portfolio.endHint'),
        required: t('standing.portfolio.endRequired'),
      }}
      testIds={{ submit: 'portfolio-end-confirm', input: 'portfolio-end-reason' }}
      onClose={onClose}
    />
  );
}

/**
 * The term's visits to attend to: every overdue one, and those from a month and a half back to
 * forty days ahead (done ones open their record, where demands are refined), by the server's date.
 */
function TermVisits({ pairingId }: { pairingId: string }) {
  const { t } = useI18n();
  const overdue = useOccurrences({ pairingId, state: 'overdue', page: 1, pageSize: 50 });
  const today = overdue.data?.today;
  const window = useOccurrences(
    {
      pairingId,
      page: 1,
      pageSize: 20,
      from: today ? dayjs(today).subtract(45, 'day').format('YYYY-MM-DD') : undefined,
      to: today ? dayjs(today).add(40, 'day').format('YYYY-MM-DD') : undefined,
    },
    today !== undefined,
  );
  const items = [
    ...(overdue.data?.items ?? []),
    ...(window.data?.items ?? []).filter((o) => o.state !== 'overdue'),
  ];
  if (overdue.isError) return <Alert type="error" showIcon message={errorMessage(overdue.error)} />;
  return (
    <div style={{ marginTop: 12 }} data-testid="portfolio-visits">
      {items.length === 0 ? (
        <Typography.Text type="secondary">
          {overdue.isPending || window.isPending ? t('common.loading') : t('standing.portfolio.noVisits')}
        </Typography.Text>
      ) : (
        <OccurrenceList
          items={items}
          today={today}
          testIds={{ row: 'portfolio-visit', open: 'portfolio-visit-open' }}
          divided
        />
      )}
    </div>
  );
}
