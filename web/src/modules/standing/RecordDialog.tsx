import { ACTIVITY_STATUS_NAMES } from '@server/modules/activities/machine.ts';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { EMPTY, formatDate, formatDateTime, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useI18n, useT } from '../../app/i18n.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { usePendingFiles, VisitFiles } from '../../app/visitFiles.tsx';
import { useActivities } from '../activities/api.ts';
import { useRegistryList } from '../registry/api.ts';
import {
  standingFilePath,
  useRecordOccurrence,
  useStandingVisit,
  useUnrecordOccurrence,
  useUploadStandingFile,
} from './api.ts';
import { RefineDemands } from './RefineDemands.tsx';
import { StateTag, useKindName } from './shared.tsx';
import {
  CONTACT_MODE_NAMES,
  CONTACT_MODES,
  type ContactMode,
  type OccurrenceView,
  SESSION_RECORDS,
  SUBJECT_NAMES,
} from './types.ts';

/** The statuses of an activity that was (or is being) held: what the server takes as a record. */
const HELD = new Set(['published', 'closed', 'finished']);

type RecordKind = 'activity' | 'visit';

interface VisitValues {
  visitedOn?: Dayjs;
  mode?: ContactMode;
  enterpriseId?: string;
  place?: string;
  people?: string;
  summary?: string;
  findings?: string;
}

/**
 * One planned session: its record when done (the activity, or the visit log with its photos),
 * else — for a member of the team or the region's operator — the form that records it: an
 * activity of the team's region held in the session's period, or a visit log (photos sent one by
 * one once it is saved). `today` is the platform's China date when the page knows it.
 * A commissioner's visit (or a contact duty's) is a visit log with how contact was made, at the
 * term's enterprise (the server fills it in); once a commissioner's visit is saved the dialog
 * shows it, where demands are refined from what the enterprise said.
 */
export function RecordDialog({
  occurrence: given,
  today,
  onClose,
}: {
  occurrence: OccurrenceView;
  today?: string;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const kindName = useKindName();
  const [occurrence, setOccurrence] = useState(given);
  const phone = usePhone();
  const title = `${kindName(occurrence.kind)} · ${occurrence.periodLabel}`;
  const recording = !occurrence.record && occurrence.canRecord;
  return (
    <Modal
      open
      width={640}
      title={title}
      onCancel={onClose}
      footer={recording ? null : <Button onClick={onClose}>{t('standing.close')}</Button>}
      maskClosable={!recording}
      destroyOnHidden
      data-testid="occurrence-dialog"
    >
      <TouchTargets on={phone}>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('standing.dueOn')}>
            <Space size={8} wrap>
              {formatDate(occurrence.dueOn)}
              <StateTag state={occurrence.state} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('standing.period')}>
            {occurrence.periodLabel}（{formatDate(occurrence.periodStart)} ~{' '}
            {formatDate(occurrence.periodEnd)}）
          </Descriptions.Item>
          {occurrence.subject === 'team' ? (
            <Descriptions.Item label={t('menu.teams')}>{occurrence.teamName}</Descriptions.Item>
          ) : (
            <Descriptions.Item label={pick(SUBJECT_NAMES[occurrence.subject])}>
              <span data-testid="occurrence-subject">{occurrence.subjectLabel}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {occurrence.record ? (
          <RecordView occurrence={occurrence} onUndone={onClose} />
        ) : recording ? (
          <RecordForm
            occurrence={occurrence}
            today={today}
            onClose={onClose}
            onSaved={(saved) =>
              saved.subject === 'commission' && saved.record ? setOccurrence(saved) : onClose()
            }
          />
        ) : (
          <Typography.Paragraph type="secondary">{t('standing.record.notYours')}</Typography.Paragraph>
        )}
      </TouchTargets>
    </Modal>
  );
}

/** What made the session done: the activity (linked), or the visit log with its files. */
function RecordView({ occurrence, onUndone }: { occurrence: OccurrenceView; onUndone: () => void }) {
  const t = useT();
  const record = occurrence.record!;
  const me = useCurrentUser();
  const canManage = useCan('standing.manage');
  const { pick } = useI18n();
  const visit = useStandingVisit(record.kind === 'visit' ? record.visitId : null);
  const upload = useUploadStandingFile();
  const { message } = AntApp.useApp();
  // Whoever may record the team's sessions adds files (the server checks); the page knows the
  // operator and the person who wrote the log.
  const mayAdd = canManage || record.recordedByName === me.displayName;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="occurrence-record">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('standing.record.doneOn')}>{formatDate(record.doneOn)}</Descriptions.Item>
        <Descriptions.Item label={t('standing.record.by')}>
          {record.recordedByName ?? EMPTY} · {formatDateTime(record.recordedAt)}
        </Descriptions.Item>
        {record.kind === 'activity' && record.activityId && (
          <Descriptions.Item label={t('standing.record.activity')}>
            <Link to={`/activities/${record.activityId}`} data-testid="occurrence-activity">
              {record.activityCode ? `${record.activityCode} ` : ''}
              {record.activityTitle ?? EMPTY}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {record.kind === 'visit' &&
        (visit.isError ? (
          <Alert type="error" showIcon message={errorMessage(visit.error)} />
        ) : visit.data ? (
          <>
            <Descriptions column={1} size="small" data-testid="occurrence-visit">
              {occurrence.subject !== 'team' && (
                <Descriptions.Item label={t('standing.visit.mode')}>
                  {pick(CONTACT_MODE_NAMES[visit.data.mode])}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('orders.visit.place')}>
                {visit.data.place ?? EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.visit.people')}>
                {visit.data.people ?? EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('standing.visit.summary')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{visit.data.summary}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('standing.visit.findings')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{visit.data.findings ?? EMPTY}</span>
              </Descriptions.Item>
            </Descriptions>
            <VisitFiles
              files={visit.data.files}
              urlOf={(file) => standingFilePath(visit.data.id, file.id)}
              uploading={upload.isPending}
              onUpload={
                mayAdd
                  ? (file) =>
                      upload.mutate(
                        { visitId: visit.data.id, file },
                        {
                          onSuccess: () => void message.success(t('files.uploaded', { name: file.name })),
                          onError: (error) => void message.error(errorMessage(error)),
                        },
                      )
                  : undefined
              }
            />
            <RefineDemands visit={visit.data} />
          </>
        ) : (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        ))}
      {canManage && <Unrecord occurrence={occurrence} onDone={onUndone} />}
    </Space>
  );
}

/** 撤销登记: the region's operator takes a wrong record back, saying why (the audit keeps it). */
function Unrecord({ occurrence, onDone }: { occurrence: OccurrenceView; onDone: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const unrecord = useUnrecordOccurrence();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <Button danger onClick={() => setOpen(true)} data-testid="occurrence-unrecord">
        {t('standing.record.unrecord')}
      </Button>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('standing.record.unrecordReason')}
        data-testid="occurrence-unrecord-reason"
      />
      {unrecord.isError && <Alert type="error" showIcon message={errorMessage(unrecord.error)} />}
      <Space>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        <Button
          danger
          type="primary"
          disabled={reason.trim().length < 2}
          loading={unrecord.isPending}
          onClick={() =>
            unrecord.mutate(
              { id: occurrence.id, reason: reason.trim(), version: occurrence.version },
              {
                onSuccess: () => {
                  void message.success(t('standing.record.unrecordDone'));
                  onDone();
                },
              },
            )
          }
          data-testid="occurrence-unrecord-confirm"
        >
          {t('standing.record.unrecord')}
        </Button>
      </Space>
    </Space>
  );
}

function RecordForm({
  occurrence,
  today,
  onClose,
  onSaved,
}: {
  occurrence: OccurrenceView;
  today?: string;
  onClose: () => void;
  /** The session as recorded (the dialog closes, or shows the record). */
  onSaved: (saved: OccurrenceView) => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const allowed = SESSION_RECORDS[occurrence.kind];
  const [kind, setKind] = useState<RecordKind>(allowed[0] ?? 'visit');
  const [activityId, setActivityId] = useState<string>();
  const [form] = Form.useForm<VisitValues>();
  const record = useRecordOccurrence();
  const upload = useUploadStandingFile();
  const pending = usePendingFiles();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  // Someone else recorded it meanwhile: say who, and record nothing more here.
  const taken = record.error instanceof ApiError && record.error.code === 'OCCURRENCE_ALREADY_RECORDED';

  const send = async (body: Parameters<typeof record.mutateAsync>[0]['body']) => {
    setBusy(true);
    try {
      const saved = await record.mutateAsync({ id: occurrence.id, body });
      const visitId = saved.record?.visitId;
      if (visitId) await pending.sendAll((file) => upload.mutateAsync({ visitId, file }));
      void message.success(t('standing.record.saved'));
      onSaved(saved);
    } catch (error) {
      applyServerErrors(form, error);
    } finally {
      setBusy(false);
    }
  };

  const submitVisit = (values: VisitValues) => {
    const day = values.visitedOn?.format('YYYY-MM-DD');
    const text = (value: string | undefined) => clean(value) ?? undefined;
    const visit = {
      // Today is left to the server, whose clock decides what today is (a phone's may be off).
      ...(day && day !== (today ?? '') ? { visitedOn: day } : {}),
      ...(values.mode ? { mode: values.mode } : {}),
      ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(text(values.place) ? { place: text(values.place) } : {}),
      ...(text(values.people) ? { people: text(values.people) } : {}),
      summary: clean(values.summary) ?? '',
      ...(text(values.findings) ? { findings: text(values.findings) } : {}),
    };
    void send({ visit });
  };

  const save = () => {
    if (kind === 'visit') {
      form.submit();
      return;
    }
    if (!activityId) {
      setMissing(true);
      return;
    }
    void send({ activityId });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {allowed.length > 1 && (
        <Segmented<RecordKind>
          block
          value={kind}
          onChange={setKind}
          options={allowed.map((k) => ({ value: k, label: t(`standing.record.as.${k}`) }))}
          data-testid="record-kind"
        />
      )}
      {kind === 'activity' ? (
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('standing.record.activity')}
            extra={t('standing.record.activityHint', { from: formatDate(occurrence.periodStart) })}
            validateStatus={missing ? 'error' : undefined}
            help={missing ? t('standing.record.activityRequired') : undefined}
          >
            <ActivityPicker
              occurrence={occurrence}
              today={today}
              value={activityId}
              onChange={(id) => {
                setActivityId(id);
                setMissing(false);
              }}
            />
          </Form.Item>
        </Form>
      ) : (
        <VisitForm form={form} occurrence={occurrence} today={today} onFinish={submitVisit}>
          <Form.Item label={t('orders.visit.files')} extra={t('orders.visit.filesHint')}>
            {pending.field}
          </Form.Item>
        </VisitForm>
      )}
      {record.isError && (
        <Alert
          type={taken ? 'warning' : 'error'}
          showIcon
          message={errorMessage(record.error)}
          data-testid="record-error"
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }} wrap>
        <Button onClick={onClose}>{taken ? t('standing.close') : t('common.cancel')}</Button>
        {!taken && (
          <Button type="primary" loading={busy} onClick={save} data-testid="record-save">
            {t('standing.record.save')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** The activities of the team's region that began in the session's period, by title or code. */
function ActivityPicker({
  occurrence,
  today,
  value,
  onChange,
}: {
  occurrence: OccurrenceView;
  today?: string;
  value?: string;
  onChange: (id: string | undefined) => void;
}) {
  const { t, pick } = useI18n();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const to = today && today < occurrence.periodEnd ? today : occurrence.periodEnd;
  const activities = useActivities({
    page: 1,
    pageSize: 20,
    q: q || undefined,
    regionCode: occurrence.regionCode,
    from: occurrence.periodStart,
    to,
  });
  const options = (activities.data?.items ?? []).map((activity) => {
    const held = HELD.has(activity.status);
    return {
      value: activity.id,
      disabled: !held,
      label: `${activity.code} ${activity.title}`,
      activity,
      held,
    };
  });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(id?: string) => onChange(id)}
      onSearch={setInput}
      loading={activities.isFetching}
      options={options}
      notFoundContent={
        activities.isError ? errorMessage(activities.error) : t('standing.record.noActivities')
      }
      optionRender={(option) => {
        const { activity, held } = option.data;
        return (
          <Space size={6} wrap data-testid="record-activity-option">
            <Typography.Text strong>{activity.title}</Typography.Text>
            <Typography.Text type="secondary">
              {activity.code} · {formatDate(activity.startsAt)}
            </Typography.Text>
            {!held && (
              <Tag style={{ marginInlineEnd: 0 }}>{pick(ACTIVITY_STATUS_NAMES[activity.status])}</Tag>
            )}
          </Space>
        );
      }}
      data-testid="record-activity"
    />
  );
}

/** 走访记录: the day (in the session's period, not after today), the enterprise, who, what and what was found. */
function VisitForm({
  form,
  occurrence,
  today,
  onFinish,
  children,
}: {
  form: ReturnType<typeof Form.useForm<VisitValues>>[0];
  occurrence: OccurrenceView;
  today?: string;
  onFinish: (values: VisitValues) => void;
  children: React.ReactNode;
}) {
  const t = useT();
  const phone = usePhone();
  const formats = usePickerFormats();
  const canSearch = useCan('registry.read');
  const { pick } = useI18n();
  // A team's visit names the enterprise it went to; a commissioner's term and a duty have theirs
  // (the server fills it in), and say how the contact was made.
  const team = occurrence.subject === 'team';
  const lastDay = today ?? dayjs().format('YYYY-MM-DD');
  const tooLong = (label: string, max: number) => ({ max, message: t('validation.tooLong', { label, max }) });
  return (
    <Form<VisitValues>
      form={form}
      layout="vertical"
      initialValues={{ visitedOn: dayjs(lastDay), ...(team ? {} : { mode: 'onsite' }) }}
      onFinish={onFinish}
      preserve={false}
    >
      <Form.Item
        name="visitedOn"
        label={t('standing.visit.date')}
        rules={[{ required: true, message: t('standing.visit.dateRequired') }]}
      >
        <DatePicker
          style={{ width: phone ? '100%' : 200 }}
          format={formats.date}
          // In the session's period and not after today in China (the server refuses either).
          disabledDate={(day) => {
            const d = day.format('YYYY-MM-DD');
            return d > lastDay || d < occurrence.periodStart;
          }}
          inputReadOnly={phone}
          data-testid="visit-date"
        />
      </Form.Item>
      {!team && (
        <Form.Item name="mode" label={t('standing.visit.mode')}>
          {phone ? (
            // Four choices side by side do not fit a phone's dialog.
            <Select<ContactMode>
              options={CONTACT_MODES.map((m) => ({ value: m, label: pick(CONTACT_MODE_NAMES[m]) }))}
              data-testid="visit-mode"
            />
          ) : (
            <Segmented<ContactMode>
              options={CONTACT_MODES.map((m) => ({ value: m, label: pick(CONTACT_MODE_NAMES[m]) }))}
              data-testid="visit-mode"
            />
          )}
        </Form.Item>
      )}
      {team && canSearch && (
        <Form.Item name="enterpriseId" label={t('standing.visit.enterprise')}>
          <EnterprisePicker />
        </Form.Item>
      )}
      <Form.Item name="place" label={t('orders.visit.place')} rules={[tooLong(t('orders.visit.place'), 200)]}>
        <Input maxLength={200} data-testid="visit-place" />
      </Form.Item>
      <Form.Item
        name="people"
        label={t('orders.visit.people')}
        rules={[tooLong(t('orders.visit.people'), 500)]}
      >
        <Input maxLength={500} data-testid="visit-people" />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('standing.visit.summary')}
        rules={[
          { required: true, whitespace: true, message: t('standing.visit.summaryRequired') },
          { min: 2, message: t('standing.visit.summaryRequired') },
          tooLong(t('standing.visit.summary'), 5000),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="visit-summary" />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('standing.visit.findings')}
        rules={[tooLong(t('standing.visit.findings'), 5000)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="visit-findings" />
      </Form.Item>
      {children}
    </Form>
  );
}

/** An enterprise of the registry (in the caller's region), by name or code as one types. */
function EnterprisePicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const enterprises = useRegistryList('enterprises', {
    page: 1,
    pageSize: 20,
    sort: 'name',
    q: q || undefined,
  });
  const options = (enterprises.data?.items ?? [])
    .filter((e) => !e.archived)
    .map((e) => ({ value: e.id, label: `${e.name}（${e.code}）` }));
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      onSearch={setInput}
      loading={enterprises.isFetching}
      options={options}
      data-testid="visit-enterprise"
    />
  );
}
