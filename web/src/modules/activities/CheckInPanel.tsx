import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  NumberOutlined,
  ScanOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Grid,
  Input,
  type InputRef,
  List,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
  theme,
} from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { QrScanButtons } from '../../app/QrScan.tsx';
import { useDebounced } from '../../app/useDebounced.ts';
import { useCheckIn, useRegistrations } from './api.ts';
import { chinaClock, chinaDateTime, roleLabel } from './shared.tsx';
import type { ActivityView, CheckInResult, RegistrationView } from './types.ts';

/** How often the desk reads the count again (other desks check people in too). */
const LIVE_MS = 10_000;

/** A check-in code as the server signs it: HD1.<activity>.<registration>.<signature>. */
const CODE = /^HD\d*\./i;

/** On a phone the desk's buttons and inputs are 44 px touch targets (as the shell's header). */
const PHONE_TOUCH_TARGETS = {
  components: { Button: { controlHeight: 44 }, Input: { controlHeight: 44, controlHeightLG: 48 } },
};

type Outcome =
  | { kind: 'success' | 'again'; registration: RegistrationView }
  | { kind: 'error'; message: string };

/**
 * 签到 at the door: a big input that takes what a handheld scanner types (or a
 * pasted code) and checks in on Enter; the device's camera or a photo of the
 * code for desks without a scanner; the 签到码 typed in when a QR code will
 * not scan; a large result the desk can see at a glance; a name search for
 * those without their code; the live count. On a phone all of it is one column.
 */
export function CheckInPanel({ activity }: { activity: ActivityView }) {
  const t = useT();
  const checkIn = useCheckIn(activity.id);
  const input = useRef<InputRef>(null);
  const shortInput = useRef<InputRef>(null);
  const phone = Grid.useBreakpoint().md === false;
  const [code, setCode] = useState('');
  const [shortCode, setShortCode] = useState('');
  const [search, setSearch] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The count the last check-in answered, until the list is read again.
  const [latest, setLatest] = useState<{ checkedIn: number; at: number } | null>(null);
  const q = useDebounced(search.trim());
  const counts = useRegistrations(activity.id, { page: 1, pageSize: 1 }, { refetchMs: LIVE_MS });
  const found = useRegistrations(activity.id, {
    page: 1,
    pageSize: 10,
    status: 'confirmed',
    ...(q ? { q } : { checkedIn: 'false' }),
  });
  const open = activity.status !== 'draft' && activity.status !== 'cancelled';
  const confirmed = counts.data?.counts.confirmed ?? activity.counts.confirmed;
  const checkedIn =
    latest && latest.at > counts.dataUpdatedAt
      ? latest.checkedIn
      : (counts.data?.counts.checkedIn ?? activity.counts.checkedIn);

  useEffect(() => {
    // Ready for a handheld scanner at a desk; a phone's keyboard would hide the page instead.
    if (!window.matchMedia('(max-width: 767.98px)').matches) input.current?.focus();
  }, []);

  const answered = (result: CheckInResult) => {
    setLatest({ checkedIn: result.checkedIn, at: Date.now() });
    setOutcome({ kind: result.counted ? 'success' : 'again', registration: result.registration });
  };
  const failed = (error: unknown) => setOutcome({ kind: 'error', message: errorMessage(error) });

  const submitCode = () => {
    const text = code.trim();
    if (!text || checkIn.isPending) return;
    setCode('');
    // A name typed at the desk is looked up rather than sent as a code.
    if (!CODE.test(text)) {
      setSearch(text);
      setOutcome(null);
      return;
    }
    checkIn.mutate(
      { code: text },
      { onSuccess: answered, onError: failed, onSettled: () => input.current?.focus() },
    );
  };
  /** A code read by the camera or from a picture: checked in like a scanned one. */
  const scanned = (text: string) => {
    if (!open) return;
    if (!CODE.test(text.trim())) {
      setOutcome({ kind: 'error', message: t('activities.checkin.notOurCode') });
      return;
    }
    checkIn.mutate(
      { code: text.trim() },
      { onSuccess: answered, onError: failed, onSettled: () => input.current?.focus() },
    );
  };
  /** The 签到码 as typed: the server ignores case, spaces and hyphens; kept on an error to correct it. */
  const submitShortCode = () => {
    const text = shortCode.replace(/[\s-]/g, '');
    if (!text || checkIn.isPending) return;
    checkIn.mutate(
      { shortCode: text },
      {
        onSuccess: (result) => {
          setShortCode('');
          answered(result);
        },
        onError: failed,
        onSettled: () => shortInput.current?.focus(),
      },
    );
  };
  const byRegistration = (registration: RegistrationView) =>
    checkIn.mutate(
      { registrationId: registration.id },
      { onSuccess: answered, onError: failed, onSettled: () => input.current?.focus() },
    );

  return (
    <ConfigProvider theme={phone ? PHONE_TOUCH_TARGETS : {}}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {!open && <Alert type="warning" showIcon message={t('activities.checkin.notOpen')} />}
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Input
                ref={input}
                size="large"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                onPressEnter={submitCode}
                prefix={<ScanOutlined />}
                placeholder={t('activities.checkin.placeholder')}
                disabled={!open}
                autoComplete="off"
                allowClear
                style={{ fontSize: 22, height: 64 }}
                data-testid="checkin-input"
              />
              <QrScanButtons
                onCode={scanned}
                onNotFound={() => setOutcome({ kind: 'error', message: t('qr.notFound') })}
                disabled={!open}
                testId="checkin"
              />
              <div data-testid="checkin-short">
                <label htmlFor="checkin-short-code-input">
                  <Typography.Text strong>{t('activities.checkin.shortCodeLabel')}</Typography.Text>
                </label>
                <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                  <Input
                    id="checkin-short-code-input"
                    ref={shortInput}
                    size="large"
                    value={shortCode}
                    // Upper case as it is typed: the code is shown so on the attendee's phone.
                    onChange={(event) => setShortCode(event.target.value.toUpperCase())}
                    onPressEnter={submitShortCode}
                    prefix={<NumberOutlined />}
                    placeholder={t('activities.checkin.shortCodePlaceholder')}
                    disabled={!open}
                    maxLength={20}
                    autoComplete="off"
                    autoCapitalize="characters"
                    autoCorrect="off"
                    spellCheck={false}
                    enterKeyHint="go"
                    style={{
                      fontSize: 24,
                      height: 56,
                      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                      letterSpacing: '0.1em',
                    }}
                    data-testid="checkin-short-code-input"
                  />
                  <Button
                    type="primary"
                    size="large"
                    disabled={!open || !shortCode.trim()}
                    loading={checkIn.isPending && !!checkIn.variables && 'shortCode' in checkIn.variables}
                    onClick={submitShortCode}
                    style={{ height: 56, minWidth: 72 }}
                    data-testid="checkin-short-code-submit"
                  >
                    {t('activities.checkin.submit')}
                  </Button>
                </Space.Compact>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {t('activities.checkin.shortCodeHint')}
                </Typography.Text>
              </div>
              <CheckInOutcome outcome={outcome} pending={checkIn.isPending} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" data-testid="checkin-count">
              <Statistic
                title={t('activities.checkin.count')}
                value={checkedIn}
                suffix={`/ ${confirmed}`}
                valueStyle={{ fontSize: 40 }}
              />
              <Typography.Text type="secondary">{t('activities.checkin.countHint')}</Typography.Text>
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('activities.checkin.searchTitle')}>
          {/* In the card, not its head: a phone has no room beside the title. */}
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('activities.checkin.searchPlaceholder')}
            style={{ width: '100%', maxWidth: 360, marginBottom: 8 }}
            maxLength={64}
            data-testid="checkin-search"
          />
          <List<RegistrationView>
            loading={found.isFetching}
            dataSource={found.data?.items ?? []}
            locale={{
              emptyText: found.isError
                ? errorMessage(found.error)
                : t(q ? 'activities.checkin.searchNone' : 'activities.checkin.allIn'),
            }}
            renderItem={(registration) => (
              <List.Item
                data-testid="checkin-person"
                actions={[
                  registration.checkedInAt ? (
                    <Tag key="done" color="success" style={{ marginInlineEnd: 0 }}>
                      {t('activities.checkin.doneAt', { time: chinaClock(registration.checkedInAt) })}
                    </Tag>
                  ) : (
                    <Button
                      key="check"
                      type="primary"
                      size={phone ? 'middle' : 'small'}
                      disabled={!open}
                      loading={
                        checkIn.isPending && checkIn.variables && 'registrationId' in checkIn.variables
                          ? checkIn.variables.registrationId === registration.id
                          : false
                      }
                      onClick={() => byRegistration(registration)}
                      data-testid="checkin-person-submit"
                    >
                      {t('activities.checkin.submit')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={registration.name}
                  description={[
                    registration.organisationName,
                    roleLabel(t, registration.role),
                    registration.mobile,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
          {!q && (found.data?.total ?? 0) > (found.data?.items.length ?? 0) && (
            <Typography.Text type="secondary">
              {t('activities.checkin.moreNotIn', { count: found.data?.total ?? 0 })}
            </Typography.Text>
          )}
        </Card>
      </Space>
    </ConfigProvider>
  );
}

/** The answer to the last scan, large: green 签到成功, orange 已签到, red with the reason. */
function CheckInOutcome({ outcome, pending }: { outcome: Outcome | null; pending: boolean }) {
  const t = useT();
  const { token } = theme.useToken();
  if (!outcome) {
    return (
      <Alert
        type="info"
        showIcon
        message={t(pending ? 'activities.checkin.checking' : 'activities.checkin.ready')}
        data-testid="checkin-ready"
      />
    );
  }
  const styles = {
    success: {
      color: token.colorSuccess,
      background: token.colorSuccessBg,
      border: token.colorSuccessBorder,
    },
    again: { color: token.colorWarning, background: token.colorWarningBg, border: token.colorWarningBorder },
    error: { color: token.colorError, background: token.colorErrorBg, border: token.colorErrorBorder },
  }[outcome.kind];
  let icon: ReactNode;
  let title: string;
  let detail: ReactNode;
  if (outcome.kind === 'error') {
    icon = <CloseCircleFilled />;
    title = t('activities.checkin.failed');
    detail = outcome.message;
  } else {
    const r = outcome.registration;
    icon = outcome.kind === 'success' ? <CheckCircleFilled /> : <ExclamationCircleFilled />;
    title = t(outcome.kind === 'success' ? 'activities.checkin.success' : 'activities.checkin.again');
    detail = (
      <Space direction="vertical" size={0}>
        <span style={{ fontSize: 28, fontWeight: 600 }} data-testid="checkin-result-name">
          {r.name}
        </span>
        <span>
          {[r.organisationName !== r.name ? r.organisationName : null, roleLabel(t, r.role)]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {outcome.kind === 'again' && r.checkedInAt && (
          <span>{t('activities.checkin.againAt', { time: chinaDateTime(r.checkedInAt) })}</span>
        )}
      </Space>
    );
  }
  return (
    <div
      role="status"
      aria-live="assertive"
      data-testid="checkin-result"
      data-kind={outcome.kind}
      style={{
        display: 'flex',
        gap: 24,
        alignItems: 'center',
        padding: '24px 32px',
        borderRadius: token.borderRadiusLG,
        border: `2px solid ${styles.border}`,
        background: styles.background,
      }}
    >
      <span style={{ fontSize: 64, color: styles.color, lineHeight: 1 }}>{icon}</span>
      <Space direction="vertical" size={4}>
        <span
          style={{ fontSize: 36, fontWeight: 700, color: styles.color }}
          data-testid="checkin-result-title"
        >
          {title}
        </span>
        <div style={{ fontSize: 16 }}>{detail}</div>
      </Space>
    </div>
  );
}
