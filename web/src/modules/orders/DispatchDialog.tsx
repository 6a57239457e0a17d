import { SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  type ButtonProps,
  Checkbox,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, newIdempotencyKey } from '../../app/api.ts';
import { EMPTY } from '../../app/format.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { useSuggestions } from '../matching/api.ts';
import { MatchList } from '../matching/MatchList.tsx';
import type { MatchResult } from '../matching/types.ts';
import { useRegistryList } from '../registry/api.ts';
import type { InstitutionView, TalentListItem } from '../registry/types.ts';
import { useTeams } from '../teams/api.ts';
import type { TeamView } from '../teams/types.ts';
import { useTransitionOrder } from './api.ts';
import { orderActionLabel } from './shared.tsx';
import type { OrderListItem, OrderTransitionBody } from './types.ts';

/** Something picked in the dialog: its id and the name to show. */
interface Picked {
  id: string;
  name: string;
}

interface Props {
  order: Pick<OrderListItem, 'id' | 'code' | 'title' | 'version' | 'demandId'>;
  action: 'dispatch' | 'redispatch';
  onClose: () => void;
}

/** The most experts one dispatch may offer the order to (the server's limit). */
const MAX_EXPERTS = 20;

/**
 * 派单 / 改派: experts (suggested for the demand, with reasons and their current
 * load, or found by name), an institution that dispatches further, or a service
 * team. An operator may pick any of them; an institution picks among its own
 * experts (the server scopes the search to them).
 */
export function DispatchDialog({ order, action, onClose }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const manager = useCan('orders.manage');
  const canMatch = useCan('matching.use');
  const canSearch = useCan('registry.read');
  const canTeams = useCan('teams.read');
  const transition = useTransitionOrder();
  // One key per opening: a double submit dispatches once.
  const [key] = useState(newIdempotencyKey);
  const [experts, setExperts] = useState<Picked[]>([]);
  const [institution, setInstitution] = useState<Picked | null>(null);
  const [team, setTeam] = useState<Picked | null>(null);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);

  const toggleExpert = (expert: Picked, checked: boolean) => {
    setEmpty(false);
    setExperts((list) => {
      const rest = list.filter((x) => x.id !== expert.id);
      return checked ? [...rest, expert].slice(0, MAX_EXPERTS) : rest;
    });
  };
  const pickInstitution = (picked: Picked, checked: boolean) => {
    setEmpty(false);
    setInstitution(checked ? picked : null);
  };
  const pickTeam = (picked: Picked, checked: boolean) => {
    setEmpty(false);
    setTeam(checked ? picked : null);
  };

  const submit = () => {
    if (experts.length === 0 && !institution && !team) {
      setEmpty(true);
      return;
    }
    const body: OrderTransitionBody = {
      action,
      version: order.version,
      ...(experts.length > 0 ? { experts: experts.map((x) => x.id) } : {}),
      ...(institution ? { institutionId: institution.id } : {}),
      ...(team ? { teamId: team.id } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    // mutateAsync: the dialog may close before the answer arrives (the order leaves the queue, or its
    // action is no longer offered), and what happened must still be said.
    transition.mutateAsync({ id: order.id, body, key }).then(
      () => {
        void message.success(
          t('orders.transitioned', {
            action: manager ? orderActionLabel(t, action) : t('orders.chooseExperts'),
          }),
        );
        onClose();
      },
      (error: unknown) => {
        // The order moved meanwhile and has been reloaded; other errors show in the dialog.
        if (error instanceof ApiError && error.status === 409) {
          void message.error(t('common.conflictReloaded', { message: errorMessage(error) }));
        }
      },
    );
  };

  const demandId = order.demandId;
  const tabs = [
    ...(manager && canMatch && demandId
      ? [
          {
            key: 'experts',
            label: t('orders.dispatch.suggestedExperts'),
            children: (
              <SuggestedTab
                demandId={demandId}
                against="experts"
                selected={experts.map((x) => x.id)}
                onToggle={(result, checked) => toggleExpert({ id: result.id, name: result.name }, checked)}
              />
            ),
          },
        ]
      : []),
    ...(canSearch
      ? [
          {
            key: 'search',
            label: t(manager ? 'orders.dispatch.searchExperts' : 'orders.dispatch.ownExperts'),
            children: <ExpertSearchTab selected={experts} onToggle={toggleExpert} />,
          },
        ]
      : []),
    ...(manager
      ? [
          {
            key: 'institutions',
            label: t('orders.dispatch.byInstitution'),
            children: (
              <InstitutionTab
                demandId={canMatch ? demandId : null}
                selected={institution}
                onToggle={pickInstitution}
              />
            ),
          },
        ]
      : []),
    ...(manager && canTeams
      ? [
          {
            key: 'teams',
            label: t('orders.dispatch.teams'),
            children: <TeamTab selected={team} onToggle={pickTeam} />,
          },
        ]
      : []),
  ];

  const dialogTitle: MessageKey = !manager
    ? 'orders.dispatch.chooseTitle'
    : action === 'dispatch'
      ? 'orders.dispatch.title'
      : 'orders.dispatch.redispatchTitle';
  const okButton: ButtonProps & { 'data-testid': string } = {
    loading: transition.isPending,
    'data-testid': 'dispatch-submit',
  };
  return (
    <Modal
      open
      width={880}
      title={t(dialogTitle, { title: order.title })}
      okText={manager ? orderActionLabel(t, action) : t('orders.chooseExperts')}
      okButtonProps={okButton}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(manager ? 'orders.dispatch.intro' : 'orders.dispatch.introInstitution', { code: order.code })}
        </Typography.Text>
        {tabs.length === 0 ? (
          <Empty description={t('orders.dispatch.nothingToPick')} />
        ) : (
          <Tabs items={tabs} />
        )}
        <SelectionSummary
          experts={experts}
          institution={institution}
          team={team}
          onRemoveExpert={(id) => setExperts((list) => list.filter((x) => x.id !== id))}
          onRemoveInstitution={() => setInstitution(null)}
          onRemoveTeam={() => setTeam(null)}
        />
        {action === 'redispatch' && manager && (
          <Form layout="vertical">
            <Form.Item label={t('orders.dispatch.reason')} style={{ marginBottom: 0 }}>
              <Input.TextArea
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={1000}
                placeholder={t('orders.dispatch.reasonPlaceholder')}
              />
            </Form.Item>
          </Form>
        )}
        {empty && <Alert type="warning" showIcon message={t('orders.dispatch.empty')} />}
        {transition.isError && !(transition.error instanceof ApiError && transition.error.status === 409) && (
          <Alert
            type="error"
            showIcon
            message={errorMessage(transition.error)}
            data-testid="dispatch-error"
          />
        )}
      </Space>
    </Modal>
  );
}

function SelectionSummary({
  experts,
  institution,
  team,
  onRemoveExpert,
  onRemoveInstitution,
  onRemoveTeam,
}: {
  experts: Picked[];
  institution: Picked | null;
  team: Picked | null;
  onRemoveExpert: (id: string) => void;
  onRemoveInstitution: () => void;
  onRemoveTeam: () => void;
}) {
  const t = useT();
  const nothing = experts.length === 0 && !institution && !team;
  return (
    <Space size={[6, 6]} wrap data-testid="dispatch-selection">
      <Typography.Text strong>{t('orders.dispatch.selected')}</Typography.Text>
      {nothing && <Typography.Text type="secondary">{t('orders.dispatch.noneSelected')}</Typography.Text>}
      {experts.map((expert) => (
        <Tag key={expert.id} color="blue" closable onClose={() => onRemoveExpert(expert.id)}>
          {expert.name}
        </Tag>
      ))}
      {institution && (
        <Tag color="purple" closable onClose={onRemoveInstitution}>
          {t('orders.dispatch.institutionTag', { name: institution.name })}
        </Tag>
      )}
      {team && (
        <Tag color="cyan" closable onClose={onRemoveTeam}>
          {t('orders.dispatch.teamTag', { name: team.name })}
        </Tag>
      )}
    </Space>
  );
}

/** Matching suggestions for the order's demand, each with a checkbox. */
function SuggestedTab({
  demandId,
  against,
  selected,
  onToggle,
}: {
  demandId: string;
  against: 'experts' | 'institutions';
  selected: readonly string[];
  onToggle: (result: MatchResult, checked: boolean) => void;
}) {
  const suggestions = useSuggestions('demands', demandId, against);
  return (
    <div style={{ maxHeight: 420, overflowY: 'auto' }} data-testid={`dispatch-suggested-${against}`}>
      <MatchList
        against={against}
        response={suggestions.data}
        loading={suggestions.isFetching}
        error={suggestions.error}
        onRetry={() => void suggestions.refetch()}
        selection={{ selected, onToggle }}
      />
    </div>
  );
}

/** Experts by name; the server shows an institution its own experts only. */
function ExpertSearchTab({
  selected,
  onToggle,
}: {
  selected: Picked[];
  onToggle: (expert: Picked, checked: boolean) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const talents = useRegistryList('talents', {
    page: 1,
    pageSize: 10,
    sort: 'name',
    expert: 'true',
    q: query || undefined,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orders.dispatch.searchPlaceholder')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        maxLength={64}
        data-testid="dispatch-expert-search"
      />
      {talents.isError ? (
        <Alert type="error" showIcon message={errorMessage(talents.error)} />
      ) : (
        <List<TalentListItem>
          size="small"
          loading={talents.isFetching}
          dataSource={talents.data?.items ?? []}
          locale={{ emptyText: t('matching.empty') }}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(talent) => {
            const pickable = talent.isExpert && !talent.archived;
            return (
              <List.Item data-testid="dispatch-expert">
                <Checkbox
                  disabled={!pickable}
                  checked={selected.some((x) => x.id === talent.id)}
                  onChange={(event) => onToggle({ id: talent.id, name: talent.name }, event.target.checked)}
                  data-testid="dispatch-expert-select"
                >
                  <Space size={6} wrap>
                    <Typography.Text strong>{talent.name}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{talent.code}</Tag>
                    <Typography.Text type="secondary">
                      {[talent.title?.name, talent.employerName, talent.regionName]
                        .filter(Boolean)
                        .join(' · ') || EMPTY}
                    </Typography.Text>
                    {!pickable && <Tag style={{ marginInlineEnd: 0 }}>{t('orders.dispatch.notExpert')}</Tag>}
                  </Space>
                </Checkbox>
              </List.Item>
            );
          }}
        />
      )}
    </Space>
  );
}

/** 按机构: institutions suggested for the demand, or found by name; one is picked. */
function InstitutionTab({
  demandId,
  selected,
  onToggle,
}: {
  demandId: string | null;
  selected: Picked | null;
  onToggle: (picked: Picked, checked: boolean) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const found = useRegistryList('institutions', {
    page: 1,
    pageSize: 10,
    sort: 'name',
    q: query || undefined,
  });
  const ids = selected ? [selected.id] : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('orders.dispatch.institutionHint')}</Typography.Text>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orders.dispatch.institutionSearch')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        maxLength={64}
      />
      {query || !demandId ? (
        <List<InstitutionView>
          size="small"
          loading={found.isFetching}
          dataSource={found.data?.items ?? []}
          locale={{ emptyText: found.isError ? errorMessage(found.error) : t('matching.empty') }}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(item) => (
            <List.Item>
              <Checkbox
                checked={ids.includes(item.id)}
                onChange={(event) => onToggle({ id: item.id, name: item.name }, event.target.checked)}
              >
                <Space size={6} wrap>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {[
                      item.regionName,
                      item.expertCount === undefined
                        ? null
                        : t('orders.dispatch.expertCount', { count: item.expertCount }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Space>
              </Checkbox>
            </List.Item>
          )}
        />
      ) : (
        <SuggestedTab
          demandId={demandId}
          against="institutions"
          selected={ids}
          onToggle={(result, checked) => onToggle({ id: result.id, name: result.name }, checked)}
        />
      )}
    </Space>
  );
}

/** 服务团队: a team by name (archived ones are not dispatched to), with its leader and members. */
function TeamTab({
  selected,
  onToggle,
}: {
  selected: Picked | null;
  onToggle: (picked: Picked, checked: boolean) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const teams = useTeams({ page: 1, pageSize: 20, q: query || undefined, archived: 'false' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orders.dispatch.teamSearch')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        maxLength={64}
      />
      {teams.isError ? (
        <Alert type="error" showIcon message={errorMessage(teams.error)} />
      ) : (
        <List<TeamView>
          size="small"
          loading={teams.isFetching}
          dataSource={teams.data?.items ?? []}
          locale={{ emptyText: t('orders.dispatch.noTeams') }}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(item) => (
            <List.Item>
              <Checkbox
                checked={selected?.id === item.id}
                onChange={(event) => onToggle({ id: item.id, name: item.name }, event.target.checked)}
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('orders.dispatch.teamLeader', { name: item.leader?.name ?? EMPTY })}
                    {' · '}
                    {t('orders.dispatch.teamMembers', {
                      names:
                        item.members
                          .filter((m) => !m.leader && m.talentId !== item.leader?.talentId)
                          .map((m) => m.name)
                          .join(t('orders.nameSeparator')) || EMPTY,
                    })}
                  </Typography.Text>
                </Space>
              </Checkbox>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
