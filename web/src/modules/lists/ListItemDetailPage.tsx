import { EditOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { actionFailedMessage, DetailCard, DetailPage } from '../../app/DetailPage.tsx';
import { useT } from '../../app/i18n.tsx';
import { ReasonModal } from '../../app/ReasonModal.tsx';
import { hasPermission, useCan, useCurrentUser } from '../../app/session.ts';
import { SuggestionsPanel } from '../matching/SuggestionsPanel.tsx';
import { PlaceOrderButton } from '../orders/PlaceOrderButton.tsx';
import { FlagsTag } from '../registry/shared.tsx';
import { useListItem, useTransitionListItem } from './api.ts';
import type { ListKindConfig } from './config.ts';
import { ListItemDescriptions } from './ListItemDescriptions.tsx';
import { ListItemFormDrawer } from './ListItemFormDrawer.tsx';
import { actionLabel, StatusTag } from './shared.tsx';
import { SolvedQuestion } from './SolvedQuestion.tsx';
import { LIST_ACTIONS, type ListAction, type ListItemView } from './types.ts';

/** One technical demand, talent demand or achievement: every field, its status actions, edit, and what fits it. */
export function ListItemDetailPage({ config }: { config: ListKindConfig }) {
  const { id = '' } = useParams();
  return <ItemDetail key={id} config={config} id={id} />;
}

function ItemDetail({ config, id }: { config: ListKindConfig; id: string }) {
  const t = useT();
  const item = useListItem(config.kind, id);
  const canMatch = useCan('matching.use');
  const [editing, setEditing] = useState(false);

  return (
    <DetailPage query={item} listPath={config.path} documentTitle={config.titleKey}>
      {(data) => (
        <>
          <DetailCard
            title={data.title}
            titleTestId="record-title"
            tags={
              <>
                <Tag>{data.code}</Tag>
                <StatusTag status={data.status} />
                <FlagsTag flags={data.flags} />
              </>
            }
            actions={<ItemActions config={config} item={data} onEdit={() => setEditing(true)} />}
          >
            {config.kind === 'demands' && <SolvedQuestion item={data} />}
            {data.status === 'draft' && data.statusReason && (
              <Alert
                type="warning"
                showIcon
                message={t('lists.rejectedNote')}
                description={data.statusReason}
                style={{ marginBottom: 16 }}
                data-testid="list-rejected"
              />
            )}
            <ListItemDescriptions config={config} item={data} />
            {editing && <ListItemFormDrawer config={config} item={data} onClose={() => setEditing(false)} />}
          </DetailCard>
          {canMatch && <SuggestionsPanel from={config.kind} id={data.id} />}
        </>
      )}
    </DetailPage>
  );
}

/**
 * Whether to offer 点单 on this item: an open technical demand, for an operator
 * who dispatches orders, or for its owner. The server has the last word.
 */
function useCanPlaceOrder(config: ListKindConfig, item: ListItemView): boolean {
  const me = useCurrentUser();
  if (config.kind !== 'demands' || !hasPermission(me, 'orders.act')) return false;
  if (item.status !== 'published' && item.status !== 'in_progress') return false;
  return hasPermission(me, 'orders.manage') || item.own;
}

/** Buttons for the status actions the server offers now, in the order of the item's life. */
function ItemActions({
  config,
  item,
  onEdit,
}: {
  config: ListKindConfig;
  item: ListItemView;
  onEdit: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const transition = useTransitionListItem(config.kind);
  const [pending, setPending] = useState<ListAction | null>(null);
  const [rejecting, setRejecting] = useState(false);
  // 已解决 and 尚未解决 answer the question above the item (SolvedQuestion), not a button here.
  const offered = LIST_ACTIONS.filter(
    (action) => item.actions.includes(action) && action !== 'solve' && action !== 'keepOpen',
  );
  const canOrder = useCanPlaceOrder(config, item);

  const run = (action: ListAction, reason?: string) => {
    setPending(action);
    return transition
      .mutateAsync({ id: item.id, body: { action, version: item.version, ...(reason ? { reason } : {}) } })
      .then(
        () => {
          void message.success(t('lists.transitioned', { action: actionLabel(t, action) }));
          return true;
        },
        (error: unknown) => {
          void message.error(actionFailedMessage(t, error));
          return false;
        },
      )
      .finally(() => setPending(null));
  };

  const button = (action: ListAction) => {
    const common = {
      loading: pending === action,
      disabled: pending !== null && pending !== action,
      'data-testid': `list-action-${action}`,
    };
    if (action === 'reject') {
      return (
        <Button key={action} danger {...common} onClick={() => setRejecting(true)}>
          {actionLabel(t, action)}
        </Button>
      );
    }
    if (action === 'close' || action === 'withdraw') {
      return (
        <Popconfirm
          key={action}
          title={actionLabel(t, action)}
          description={t(action === 'close' ? 'lists.closeConfirm' : 'lists.withdrawConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(action)}
        >
          <Button danger={action === 'close'} {...common}>
            {actionLabel(t, action)}
          </Button>
        </Popconfirm>
      );
    }
    return (
      <Button
        key={action}
        type={action === 'publish' || action === 'submit' ? 'primary' : 'default'}
        {...common}
        onClick={() => void run(action)}
      >
        {actionLabel(t, action)}
      </Button>
    );
  };

  return (
    <Space wrap>
      {canOrder && <PlaceOrderButton demandId={item.id} title={item.title} />}
      {offered.map(button)}
      {item.editable && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="list-edit">
          {t('common.edit')}
        </Button>
      )}
      {rejecting && (
        <ReasonModal
          title={t('lists.rejectTitle', { title: item.title })}
          okText={t('lists.action.reject')}
          label={t('lists.rejectReason')}
          hint={t('lists.rejectHint')}
          requiredMessage={t('lists.validation.reasonRequired')}
          cancelText={t('common.cancel')}
          loading={pending === 'reject'}
          onCancel={() => setRejecting(false)}
          onSubmit={async (reason) => {
            if (await run('reject', reason ?? '')) setRejecting(false);
          }}
          submitTestId="list-reject-confirm"
        />
      )}
    </Space>
  );
}
