import { Alert, Button, Card, Col, Row, Skeleton, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { useWorkbench } from './api.ts';
import type { WorkbenchTask, WorkbenchTaskView } from './types.ts';

/** A task's name and its one-line meaning (every key of WORKBENCH_TASKS has both, or the typecheck fails). */
const titleOf = (key: WorkbenchTask): MessageKey => `home.task.${key}`;
const hintOf = (key: WorkbenchTask): MessageKey => `home.task.${key}.hint`;

/**
 * 工作台: what waits for the caller, first on the home page — one tile per
 * task with its count and what it means, each opening its list already
 * filtered (the server's link). Tasks with nothing waiting stay, muted, so
 * the tiles keep their places; on a phone they stack, one per row.
 */
export function Workbench() {
  const t = useT();
  const workbench = useWorkbench();
  const tasks = workbench.data?.tasks;
  // A role with nothing to do (the auditor) gets no empty card.
  if (tasks?.length === 0) return null;
  return (
    <Card title={t('home.workbench')} data-testid="workbench">
      <Typography.Paragraph type="secondary">{t('home.workbenchHelp')}</Typography.Paragraph>
      {workbench.isError ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(workbench.error)}
          action={
            <Button size="small" onClick={() => workbench.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : !tasks ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <TaskTiles tasks={tasks.filter((task) => !isFix(task))} />
          {tasks.some(isFix) && (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('home.workbenchFixes')}
              </Typography.Title>
              <TaskTiles tasks={tasks.filter(isFix)} />
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** Values an import flagged: fixing records, shown apart from the workflow's steps. */
const isFix = (task: WorkbenchTaskView) => task.key.startsWith('flagged.');

function TaskTiles({ tasks }: { tasks: WorkbenchTaskView[] }) {
  return (
    <Row gutter={[12, 12]}>
      {tasks.map((task) => (
        <Col key={task.key} xs={24} sm={12} lg={8} xxl={6}>
          <TaskTile task={task} />
        </Col>
      ))}
    </Row>
  );
}

function TaskTile({ task }: { task: WorkbenchTaskView }) {
  const t = useT();
  const { token } = theme.useToken();
  const waiting = task.count > 0;
  return (
    <Link
      to={task.link}
      data-testid={`workbench-task-${task.key}`}
      aria-label={`${t(titleOf(task.key))} ${task.count}`}
      style={{ display: 'block', height: '100%' }}
    >
      <Card
        size="small"
        hoverable
        style={{ height: '100%' }}
        styles={{ body: { display: 'flex', alignItems: 'center', gap: 12, minHeight: 64 } }}
      >
        <span
          data-testid="workbench-count"
          style={{
            fontSize: 26,
            fontWeight: 600,
            minWidth: 56,
            textAlign: 'center',
            fontVariantNumeric: 'tabular-nums',
            color: waiting ? token.colorPrimary : token.colorTextQuaternary,
          }}
        >
          {task.capped ? `${task.count}+` : task.count}
        </span>
        <span style={{ minWidth: 0 }}>
          <Typography.Text strong={waiting} type={waiting ? undefined : 'secondary'}>
            {t(titleOf(task.key))}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2 }}>
            {t(hintOf(task.key))}
          </Typography.Paragraph>
        </span>
      </Card>
    </Link>
  );
}
