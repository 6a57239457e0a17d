import { Button, Select, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { chinaToday, formatDate } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ListPageCard, ListTable, useListPaging, useListUrl } from '../../app/listPage.tsx';
import { listParams, param } from '../../app/listParams.ts';
import type { MessageKey } from '../../app/messages.ts';
import { PageError } from '../../app/PageState.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useOccurrences, useOverview } from './api.ts';
import { OverviewRows } from './OverviewRows.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { occurrencePath, StateTag, useKindName } from './shared.tsx';
import {
  OCCURRENCE_STATE_NAMES,
  OCCURRENCE_STATES,
  type OccurrenceView,
  OVERVIEW_SORTS,
  type OverviewSort,
  SUBJECT_NAMES,
  SUBJECTS,
  type Subject,
} from './types.ts';

const VIEWS = ['teams', 'commissioners', 'assignees'] as const;
type View = (typeof VIEWS)[number];
const TAB_LABEL: Record<View, MessageKey> = {
  teams: 'menu.teams',
  commissioners: 'standing.overview.commissioners',
  assignees: 'standing.overview.assignees',
};
const SUBJECT_OF: Record<View, Subject> = { teams: 'team', commissioners: 'commission', assignees: 'duty' };
const positive = ((value) => (value && /^[1-9]\d{0,4}$/.test(value) ? value : undefined)) as (
  value: string | null,
) => string | undefined;

/**
 * The page's URL: the year; the overview's tab with its search, order and page (o…); and the
 * sessions listed below the overview (overdue unless asked; every subject unless one is chosen).
 */
const standingParams = listParams<{
  year?: string;
  view?: View;
  oq?: string;
  osort?: OverviewSort;
  opage?: string;
  osize?: string;
  state?: (typeof OCCURRENCE_STATES)[number];
  subject?: Subject;
}>(
  {
    year: ((value) => (value && /^(20\d\d|2100)$/.test(value) ? value : undefined)) as (
      value: string | null,
    ) => string | undefined,
    view: param.oneOf(VIEWS),
    oq: param.text(64),
    osort: param.oneOf(OVERVIEW_SORTS),
    opage: positive,
    osize: positive,
    state: param.oneOf(OCCURRENCE_STATES),
    subject: param.oneOf(SUBJECTS),
  },
  { state: 'overdue', view: 'teams' },
);

/**
 * 常态化服务: every team of the region with its plan fulfilment per month (a red month has
 * sessions overdue), and below it the region's sessions overdue or due soon, each opening its
 * record or the form that records it.
 */
export function StandingPage() {
  const { t } = useI18n();
  const kindName = useKindName();
  useDocumentTitle('menu.standing');
  const url = useListUrl(standingParams);
  const params = url.params;
  const year = Number(params.year ?? chinaToday().slice(0, 4));
  const state = params.state ?? 'overdue';
  const view = params.view ?? 'teams';
  const overview = useOverview(year);
  const sessions = useOccurrences({
    page: params.page,
    pageSize: params.pageSize,
    state,
    ...(params.subject ? { subject: params.subject } : {}),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const { apply, paging } = useListPaging(url, sessions);
  const [open, setOpen] = useState<OccurrenceView | null>(null);
  const years = [year - 2, year - 1, year, year + 1].filter((y) => y >= 2000 && y <= 2100);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ListPageCard
        title={t('standing.overview.title')}
        extra={
          <Select
            value={year}
            onChange={(next: number) => apply({ ...params, year: String(next), page: 1 })}
            options={years.map((y) => ({ value: y, label: t('standing.plan.yearTitle', { year: y }) }))}
            style={{ width: 140 }}
            data-testid="standing-year"
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('standing.overview.help')}</Typography.Paragraph>
        {overview.isError && !overview.data ? (
          <PageError error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <Tabs
            activeKey={view}
            onChange={(next) =>
              apply({ ...params, view: next as View, oq: undefined, osort: undefined, opage: undefined })
            }
            items={VIEWS.map((key) => {
              const subject = SUBJECT_OF[key];
              const summary = overview.data?.subjects[subject];
              return {
                key,
                label: (
                  <span data-testid={`standing-overview-tab-${key}`}>
                    {t(TAB_LABEL[key])}
                    {summary && (
                      <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                        {summary.owners}
                        {summary.fulfilment !== null && ` · ${summary.fulfilment}%`}
                      </Typography.Text>
                    )}
                  </span>
                ),
                children:
                  key === view ? (
                    <OverviewRows
                      params={{
                        subject,
                        year,
                        q: params.oq,
                        sort: params.osort ?? 'fulfilment',
                        page: Number(params.opage ?? 1),
                        pageSize: Number(params.osize ?? 20),
                      }}
                      onChange={(next) =>
                        apply({
                          ...params,
                          oq: next.q,
                          osort: next.sort === 'fulfilment' ? undefined : next.sort,
                          opage: next.page > 1 ? String(next.page) : undefined,
                          osize: next.pageSize !== 20 ? String(next.pageSize) : undefined,
                        })
                      }
                    />
                  ) : null,
              };
            })}
            data-testid="standing-overview-tabs"
          />
        )}
      </ListPageCard>
      <ListPageCard
        title={t('standing.sessions.title')}
        extra={
          <Space wrap>
            <Select<Subject>
              allowClear
              value={params.subject}
              onChange={(subject?: Subject) => apply({ ...params, subject, page: 1 })}
              options={SUBJECTS.map((s) => ({ value: s, label: t(SUBJECT_NAMES[s]) }))}
              placeholder={t('standing.sessions.allSubjects')}
              style={{ width: 150 }}
              data-testid="standing-subject"
            />
            <Select
              value={state}
              onChange={(next) => apply({ ...params, state: next, page: 1 })}
              options={OCCURRENCE_STATES.map((s) => ({ value: s, label: t(OCCURRENCE_STATE_NAMES[s]) }))}
              style={{ width: 140 }}
              data-testid="standing-state"
            />
          </Space>
        }
      >
        <ListTable<OccurrenceView>
          list={sessions}
          paging={paging}
          columns={sessionColumns(t, kindName, setOpen)}
          cardTitle="subjectLabel"
          data-testid="standing-sessions"
        />
      </ListPageCard>
      {open && (
        <RecordDialog
          occurrence={open}
          today={sessions.data?.today ?? overview.data?.today}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}

function sessionColumns(
  t: ReturnType<typeof useI18n>['t'],
  kindName: ReturnType<typeof useKindName>,
  onOpen: (o: OccurrenceView) => void,
): ColumnsType<OccurrenceView> {
  return [
    {
      title: t('standing.sessions.subject'),
      dataIndex: 'subjectLabel',
      render: (name: string, o) => {
        const to = occurrencePath(o);
        return to ? <Link to={to}>{name}</Link> : name;
      },
    },
    { title: t('standing.kind'), dataIndex: 'kind', width: 120, render: (kind) => kindName(kind) },
    { title: t('standing.period'), dataIndex: 'periodLabel', width: 120 },
    { title: t('standing.dueOn'), dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d) },
    { title: t('teams.status'), dataIndex: 'state', width: 110, render: (s) => <StateTag state={s} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, o) => (
        <Button type="link" size="small" onClick={() => onOpen(o)} data-testid="standing-session-open">
          {o.canRecord ? t('standing.record.action') : t('common.view')}
        </Button>
      ),
    },
  ];
}
