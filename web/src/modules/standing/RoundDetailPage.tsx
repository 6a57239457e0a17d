import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { EMPTY, formatDate, formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { type ExpertOption, ExpertSelect } from '../teams/ExpertSelect.tsx';
import {
  useAddEntries,
  useConfirmRound,
  useMakeupRound,
  usePropose,
  useRemoveEntry,
  useRound,
  useSetPair,
  useSetPreferences,
} from './api-commissioners.ts';
import { type Picked, RegistryPicker } from './RegistryPicker.tsx';
import { ROUND_STATUS_COLORS, roundPath } from './RoundsPage.tsx';
import {
  LEFT_REASON_NAMES,
  PAIRING_STATUS_NAMES,
  PERIOD_NAMES,
  ROUND_STATUS_NAMES,
  type RoundView,
} from './types.ts';

type Entry = RoundView['enterprises'][number];
type Pair = RoundView['pairs'][number];

/** At most this many of the other side, best first (the server's limit). */
const MAX_PREFERENCES = 5;

/**
 * 选派轮次: its participants (the operator adds enterprises and experts), each side's preferences
 * (the operator enters them, a participant states their own), 生成配对建议, the pairs with
 * their 匹配度 and reasons, which the operator may change, the enterprises left over and why,
 * 确认选派 (the terms' visits are planned), and a make-up round for those left over.
 */
export function RoundDetailPage() {
  const { id = '' } = useParams();
  useDocumentTitle('menu.rounds');
  const round = useRound(id);
  if (round.isError && !round.data)
    return <PageError error={round.error} onRetry={() => void round.refetch()} />;
  if (!round.data) return <PageLoading />;
  return <RoundDetail key={id} round={round.data} />;
}

function RoundDetail({ round }: { round: RoundView }) {
  const { t, pick } = useI18n();
  const phone = usePhone();
  const manage = round.canManage;
  const open = round.status !== 'confirmed';
  const [editing, setEditing] = useState<Entry | null>(null);
  const mine = [...round.enterprises, ...round.experts].find((e) => e.id === round.myEntryId);
  return (
    <TouchTargets on={phone}>
      <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="round-detail">
        <Card
          title={
            <Space size={8} wrap>
              <span data-testid="round-title" style={{ whiteSpace: 'normal' }}>
                {round.name}
              </span>
              <Tag color={ROUND_STATUS_COLORS[round.status]} data-testid="round-status">
                {pick(ROUND_STATUS_NAMES[round.status])}
              </Tag>
              {round.kind === 'makeup' && <Tag>{t('standing.round.makeup')}</Tag>}
            </Space>
          }
          styles={{ title: { whiteSpace: 'normal' } }}
        >
          <Descriptions column={phone ? 1 : 3} size="small">
            <Descriptions.Item label={t('field.region')}>{round.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('standing.round.term')}>
              {formatDate(round.termStart)} ~ {formatDate(round.termEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('standing.round.limit')}>{round.portfolioLimit}</Descriptions.Item>
            <Descriptions.Item label={t('standing.round.cadence')}>
              {t('standing.plan.cadenceLine', {
                period: pick(PERIOD_NAMES[round.visitCadence.period]),
                count: round.visitCadence.count,
              })}
            </Descriptions.Item>
            {round.proposedAt && (
              <Descriptions.Item label={t('standing.round.proposedAt')}>
                {formatDateTime(round.proposedAt)}
              </Descriptions.Item>
            )}
            {round.confirmedAt && (
              <Descriptions.Item label={t('standing.round.confirmedAt')}>
                {formatDateTime(round.confirmedAt)}
              </Descriptions.Item>
            )}
            {round.parentId && (
              <Descriptions.Item label={t('standing.round.parent')}>
                <Link to={roundPath(round.parentId)}>{t('common.view')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {round.status === 'confirmed' && (
            <Alert
              type="success"
              showIcon
              message={t('standing.round.confirmedHint')}
              style={{ marginTop: 12 }}
              data-testid="round-confirmed"
            />
          )}
          {manage && <RoundActions round={round} />}
        </Card>

        {mine && !manage && <MyPreferences round={round} entry={mine} />}

        {manage && open && <AddParticipants round={round} />}

        <EntryCard round={round} side="enterprise" onEdit={setEditing} />
        <EntryCard round={round} side="expert" onEdit={setEditing} />

        {(round.pairs.length > 0 || round.left.length > 0) && <PairsCard round={round} />}
        {editing && <PreferencesModal round={round} entry={editing} onClose={() => setEditing(null)} />}
      </Space>
    </TouchTargets>
  );
}

/** 生成配对建议, 确认选派 (with the version read), 开补充轮. */
function RoundActions({ round }: { round: RoundView }) {
  const { t } = useI18n();
  const { modal, message } = AntApp.useApp();
  const navigate = useNavigate();
  const propose = usePropose(round.id);
  const confirm = useConfirmRound(round.id);
  const makeup = useMakeupRound(round.id);
  const failed = [propose, confirm, makeup].find((m) => m.isError);
  const ready = round.enterprises.length > 0 && round.experts.length > 0;
  // A confirmed round with nobody left over has nothing more to do.
  if (round.status === 'confirmed' && round.left.length === 0 && !failed) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      {failed && (
        <Alert type="error" showIcon message={errorMessage(failed.error)} data-testid="round-error" />
      )}
      <Space wrap>
        {round.status !== 'confirmed' && (
          <Button
            type={round.status === 'open' ? 'primary' : 'default'}
            disabled={!ready}
            loading={propose.isPending}
            onClick={() =>
              propose.mutate(undefined, {
                onSuccess: () => void message.success(t('standing.round.proposed')),
              })
            }
            data-testid="round-propose"
          >
            {round.status === 'open' ? t('standing.round.propose') : t('standing.round.proposeAgain')}
          </Button>
        )}
        {round.status === 'proposed' && (
          <Button
            type="primary"
            disabled={round.pairs.length === 0}
            loading={confirm.isPending}
            onClick={() =>
              modal.confirm({
                title: t('standing.round.confirm'),
                content: t('standing.round.confirmText', {
                  pairs: round.pairs.length,
                  left: round.left.length,
                }),
                okText: t('standing.round.confirm'),
                okButtonProps: { 'data-testid': 'round-confirm-ok' } as Record<string, string>,
                onOk: () =>
                  confirm.mutateAsync(round.version).then(
                    () => void message.success(t('standing.round.confirmedHint')),
                    () => undefined,
                  ),
              })
            }
            data-testid="round-confirm"
          >
            {t('standing.round.confirm')}
          </Button>
        )}
        {round.status === 'confirmed' && round.left.length > 0 && (
          <Button
            loading={makeup.isPending}
            onClick={() => makeup.mutate(undefined, { onSuccess: (next) => navigate(roundPath(next.id)) })}
            data-testid="round-makeup"
          >
            {t('standing.round.makeupOpen', { count: round.left.length })}
          </Button>
        )}
      </Space>
      {round.status !== 'confirmed' && !ready && (
        <Typography.Text type="secondary">{t('standing.round.needBoth')}</Typography.Text>
      )}
    </Space>
  );
}

/** 加入企业与专家: from the registry, by name or code. */
function AddParticipants({ round }: { round: RoundView }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const add = useAddEntries(round.id);
  const [enterprises, setEnterprises] = useState<Picked[]>([]);
  const [experts, setExperts] = useState<string[]>([]);
  const [known, setKnown] = useState<ReadonlyMap<string, ExpertOption>>(new Map());
  const onSeen = useCallback((seen: ExpertOption[]) => {
    setKnown((before) => {
      const fresh = seen.filter((e) => !before.has(e.id));
      return fresh.length === 0 ? before : new Map([...before, ...fresh.map((e) => [e.id, e] as const)]);
    });
  }, []);
  const inRound = [...round.enterprises, ...round.experts].map((e) => e.partyId);
  const submit = () =>
    add.mutate(
      { enterprises: enterprises.map((e) => ({ id: e.value })), experts: experts.map((id) => ({ id })) },
      {
        onSuccess: () => {
          setEnterprises([]);
          setExperts([]);
          void message.success(t('standing.round.added'));
        },
      },
    );
  return (
    <Card title={t('standing.round.addTitle')} data-testid="round-add">
      <Form layout="vertical" component="div">
        <Form.Item label={t('standing.round.enterprises')}>
          <RegistryPicker
            kind="enterprises"
            multiple
            value={enterprises}
            onChange={(next) => setEnterprises((next as Picked[] | undefined) ?? [])}
            exclude={inRound}
            testId="round-add-enterprises"
          />
        </Form.Item>
        <Form.Item label={t('standing.round.experts')}>
          <ExpertSelect
            multiple
            value={experts}
            onChange={(next) => setExperts(Array.isArray(next) ? next : next ? [next] : [])}
            known={known}
            onSeen={onSeen}
            exclude={inRound}
            data-testid="round-add-experts"
          />
        </Form.Item>
        {add.isError && (
          <Alert type="error" showIcon message={errorMessage(add.error)} style={{ marginBottom: 12 }} />
        )}
        <Button
          type="primary"
          disabled={enterprises.length === 0 && experts.length === 0}
          loading={add.isPending}
          onClick={submit}
          data-testid="round-add-save"
        >
          {t('standing.round.add')}
        </Button>
      </Form>
    </Card>
  );
}

/** The participants of one side: name, detail, need, room (experts), preferences and why left over. */
function EntryCard({
  round,
  side,
  onEdit,
}: {
  round: RoundView;
  side: 'enterprise' | 'expert';
  onEdit: (entry: Entry) => void;
}) {
  const { t, pick } = useI18n();
  const remove = useRemoveEntry(round.id);
  const { message } = AntApp.useApp();
  const entries = side === 'enterprise' ? round.enterprises : round.experts;
  const manage = round.canManage && round.status !== 'confirmed';
  return (
    <Card
      title={`${t(side === 'enterprise' ? 'standing.round.enterprises' : 'standing.round.experts')}（${entries.length}）`}
      data-testid={`round-${side}s`}
    >
      <List<Entry>
        dataSource={entries}
        locale={{ emptyText: t('standing.round.noEntries') }}
        renderItem={(entry) => (
          <List.Item
            data-testid="round-entry"
            actions={
              manage
                ? [
                    <Button key="prefs" onClick={() => onEdit(entry)} data-testid="round-entry-preferences">
                      {t('standing.round.enterPreferences')}
                    </Button>,
                    <Button
                      key="remove"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('standing.round.remove')}
                      title={t('standing.round.remove')}
                      loading={remove.isPending && remove.variables === entry.id}
                      onClick={() =>
                        remove.mutate(entry.id, {
                          onError: (error) => void message.error(errorMessage(error)),
                        })
                      }
                      data-testid="round-entry-remove"
                    />,
                  ]
                : undefined
            }
            style={{ flexWrap: 'wrap', gap: 8 }}
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <span data-testid="round-entry-name">{entry.name}</span>
                  {entry.room !== null && (
                    <Tag color={entry.room > 0 ? 'blue' : 'red'} data-testid="round-entry-room">
                      {t('standing.round.room', { room: entry.room, held: entry.held ?? 0 })}
                    </Tag>
                  )}
                  {entry.leftReason && <Tag color="orange">{pick(LEFT_REASON_NAMES[entry.leftReason])}</Tag>}
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {entry.detail && <span>{entry.detail}</span>}
                  {entry.need && (
                    <span>
                      {t('standing.round.need')}：{entry.need}
                    </span>
                  )}
                  {entry.preferences.length > 0 && (
                    <span data-testid="round-entry-prefs">
                      {t('standing.round.preferences')}：
                      {entry.preferences.map((p, i) => `${i + 1}. ${p.name}`).join('  ')}
                      {entry.preferencesByName &&
                        `（${t('standing.round.prefsBy', { name: entry.preferencesByName })}）`}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 本方意向: an enterprise or expert picks up to five of the other side, best first. */
function MyPreferences({ round, entry }: { round: RoundView; entry: Entry }) {
  const { t } = useI18n();
  return (
    <Card title={t('standing.round.myPreferences')} data-testid="round-my-preferences">
      <Typography.Paragraph type="secondary">
        {t(entry.side === 'enterprise' ? 'standing.round.myHintEnterprise' : 'standing.round.myHintExpert', {
          max: MAX_PREFERENCES,
        })}
      </Typography.Paragraph>
      {round.status === 'confirmed' ? (
        <Typography.Text>
          {entry.preferences.map((p, i) => `${i + 1}. ${p.name}`).join('  ') || EMPTY}
        </Typography.Text>
      ) : (
        <PreferencesForm round={round} entry={entry} own />
      )}
    </Card>
  );
}

/** The operator enters a participant's preferences. */
function PreferencesModal({
  round,
  entry,
  onClose,
}: {
  round: RoundView;
  entry: Entry;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('standing.round.preferencesOf', { name: entry.name })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      data-testid="round-preferences-modal"
    >
      <PreferencesForm round={round} entry={entry} onSaved={onClose} />
    </Modal>
  );
}

function PreferencesForm({
  round,
  entry,
  own = false,
  onSaved,
}: {
  round: RoundView;
  entry: Entry;
  own?: boolean;
  onSaved?: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const save = useSetPreferences(round.id);
  const [chosen, setChosen] = useState<string[]>(entry.preferences.map((p) => p.id));
  const [need, setNeed] = useState(entry.need ?? '');
  const others = entry.side === 'enterprise' ? round.experts : round.enterprises;
  const nameOf = new Map(others.map((o) => [o.partyId, o.name]));
  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={t('standing.round.preferencesPick', { max: MAX_PREFERENCES })}
        extra={
          chosen.length > 0
            ? chosen.map((id, i) => `${i + 1}. ${nameOf.get(id) ?? id}`).join('  ')
            : undefined
        }
      >
        <Select<string[]>
          mode="multiple"
          maxCount={MAX_PREFERENCES}
          value={chosen}
          onChange={setChosen}
          options={others.map((o) => ({
            value: o.partyId,
            label: o.detail ? `${o.name}（${o.detail}）` : o.name,
          }))}
          optionFilterProp="label"
          style={{ width: '100%' }}
          data-testid="round-preferences"
        />
      </Form.Item>
      {entry.side === 'enterprise' && (
        <Form.Item label={t('standing.round.need')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            value={need}
            onChange={(e) => setNeed(e.target.value)}
            placeholder={t('standing.round.needPlaceholder')}
            data-testid="round-need"
          />
        </Form.Item>
      )}
      {save.isError && (
        <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />
      )}
      <Button
        type="primary"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            {
              ...(own ? {} : { entryId: entry.id }),
              preferences: chosen,
              ...(entry.side === 'enterprise' ? { need: need.trim() } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('standing.round.preferencesSaved'));
                onSaved?.();
              },
            },
          )
        }
        data-testid="round-preferences-save"
      >
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** The pairs with their 匹配度 and reasons, and the enterprises left over with why; the operator changes them. */
function PairsCard({ round }: { round: RoundView }) {
  const { t, pick } = useI18n();
  const setPair = useSetPair(round.id);
  const changeable = round.canManage && round.status !== 'confirmed';
  const expertOptions = round.experts.map((x) => ({
    value: x.partyId,
    label: x.room !== null ? `${x.name}（${t('standing.round.roomShort', { room: x.room })}）` : x.name,
  }));
  const choose = (enterpriseId: string, talentId: string | null) =>
    setPair.mutate({ enterpriseId, talentId });
  const picker = (enterpriseId: string, current: string | null) => (
    <Select<string>
      value={current ?? undefined}
      placeholder={t('standing.round.pickExpert')}
      options={expertOptions}
      onChange={(talentId) => choose(enterpriseId, talentId)}
      style={{ width: '100%', maxWidth: 320 }}
      disabled={setPair.isPending}
      data-testid="round-pair-select"
    />
  );
  return (
    <Card title={t('standing.round.pairs', { count: round.pairs.length })} data-testid="round-pairs">
      {setPair.isError && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(setPair.error)}
          style={{ marginBottom: 12 }}
          data-testid="round-pair-error"
        />
      )}
      {round.pairs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standing.round.noPairs')} />
      ) : (
        <List<Pair>
          dataSource={round.pairs}
          rowKey="id"
          renderItem={(pair) => (
            <List.Item data-testid="round-pair" style={{ display: 'block' }}>
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Space size={6} wrap>
                  <Typography.Text strong data-testid="round-pair-enterprise">
                    {pair.enterpriseName}
                  </Typography.Text>
                  <span>→</span>
                  <Typography.Text strong data-testid="round-pair-expert">
                    {pair.talentName}
                  </Typography.Text>
                  {pair.score !== null && (
                    <Tag color="geekblue" data-testid="round-pair-score">
                      {t('standing.round.score', { score: pair.score })}
                    </Tag>
                  )}
                  <Tag color={pair.status === 'confirmed' ? 'green' : undefined}>
                    {pick(PAIRING_STATUS_NAMES[pair.status])}
                  </Tag>
                </Space>
                {pair.reasons.length > 0 && (
                  <Space size={[4, 4]} wrap data-testid="round-pair-reasons">
                    {pair.reasons.map((r) => (
                      <Tag key={r.zh} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                        {pick(r)}
                      </Tag>
                    ))}
                  </Space>
                )}
                {changeable && (
                  <Space wrap style={{ width: '100%' }}>
                    {picker(pair.enterpriseId, pair.talentId)}
                    <Button onClick={() => choose(pair.enterpriseId, null)} data-testid="round-pair-clear">
                      {t('standing.round.clearPair')}
                    </Button>
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {round.left.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('standing.round.left', { count: round.left.length })}
          </Typography.Title>
          <List
            dataSource={round.left}
            // Keyed by enterprise: by position, the next enterprise's picker kept the expert just chosen.
            rowKey="enterpriseId"
            renderItem={(left) => (
              <List.Item data-testid="round-left" style={{ display: 'block' }}>
                <Space direction="vertical" size={6} style={{ width: '100%' }}>
                  <Space size={6} wrap>
                    <Typography.Text strong>{left.name}</Typography.Text>
                    <Tag color="orange" data-testid="round-left-reason">
                      {left.reason ? pick(LEFT_REASON_NAMES[left.reason]) : t('standing.round.notProposed')}
                    </Tag>
                  </Space>
                  {changeable && picker(left.enterpriseId, null)}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
