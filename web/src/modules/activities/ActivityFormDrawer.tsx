import {
  Alert,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { usePickerFormats } from '../../app/format.ts';
import { clean } from '../../app/forms.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionCodeOf } from '../../app/regions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useRecordForm } from '../../app/useRecordForm.ts';
import { useCreateActivity, useUpdateActivity } from './api.ts';
import { FeaturedSelect } from './FeaturedSelect.tsx';
import { chinaPickerValue, kindOptions, modeLabel, pickedChinaTime } from './shared.tsx';
import {
  type ActivityDetails,
  type ActivityInput,
  type ActivityKind,
  type ActivityView,
  activityDetails,
  DEFAULT_GRID,
  JOB_FAIR_MODES,
  type JobFairMode,
} from './types.ts';

interface DetailValues {
  meetings?: {
    firstSlotAt?: Dayjs | null;
    slotMinutes?: number | null;
    slots?: number | null;
    tables?: number | null;
  };
  theme?: string;
  route?: string;
  booths?: number | null;
  mode?: JobFairMode;
  school?: string;
  days?: number | null;
  hours?: number | null;
  certificate?: boolean;
  curriculum?: string;
  services?: string;
}

interface FormValues {
  kind: ActivityKind;
  title: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  registrationClosesAt?: Dayjs | null;
  place?: string;
  /** The Cascader path; its last code is sent as regionCode. */
  regionCode: string[];
  organisers: string[];
  capacity?: number | null;
  needsApproval: boolean;
  description?: string;
  featured: string[];
  details: DetailValues;
}

/** The server's limits (contract.ts, kinds.ts). */
const TITLE_MIN = 2;
const TITLE_MAX = 120;
const PLACE_MAX = 200;
const DESCRIPTION_MAX = 8000;
const ORGANISERS_MAX = 20;
const ORGANISER_MAX = 100;
const CAPACITY_MAX = 100_000;
const FEATURED_MAX = 500;
const ORGANISER_SEPARATORS = [',', '，', ';', '；', '、'];

/** Errors the server reports without a field, and the field they are about. */
const ERROR_FIELDS: Record<string, keyof FormValues> = {
  ACTIVITY_TIMES_INVALID: 'endsAt',
  ACTIVITY_REGION_OUT_OF_SCOPE: 'regionCode',
  ACTIVITY_FEATURED_UNKNOWN: 'featured',
};

/** The server names a field by its path (`body.organisers.2`); the form by its first segment. */
function formName(path: string): string {
  const segments = path.split(/[./]/).filter((segment) => segment && segment !== 'body');
  return segments[0] ?? path;
}

/** The kind's own settings, as the server takes them (only the kind's keys are accepted). */
function detailsOf(kind: ActivityKind, values: DetailValues = {}): ActivityDetails {
  const text = (value: string | undefined) => clean(value) ?? undefined;
  const number = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);
  const pick = (entries: Record<string, unknown>): ActivityDetails =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as ActivityDetails;
  switch (kind) {
    case 'matchmaking': {
      const grid = values.meetings ?? {};
      return {
        meetings: {
          firstSlotAt: grid.firstSlotAt ? grid.firstSlotAt.format('HH:mm') : DEFAULT_GRID.firstSlotAt,
          slotMinutes: grid.slotMinutes ?? DEFAULT_GRID.slotMinutes,
          slots: grid.slots ?? DEFAULT_GRID.slots,
          tables: grid.tables ?? DEFAULT_GRID.tables,
        },
      };
    }
    case 'forum':
      return pick({ theme: text(values.theme) });
    case 'visit':
      return pick({ route: text(values.route) });
    case 'job_fair':
      return pick({ booths: number(values.booths), mode: values.mode ?? 'offline' });
    case 'study_tour':
      return pick({ school: text(values.school), days: number(values.days) });
    case 'training':
      return pick({
        hours: number(values.hours),
        certificate: values.certificate ?? false,
        curriculum: text(values.curriculum),
      });
    case 'care':
      return pick({ services: text(values.services) });
  }
}

/** The form's values for the kind's settings (a new activity gets the defaults). */
function detailValuesOf(details: ActivityDetails | undefined): DetailValues {
  const grid = details?.meetings ?? DEFAULT_GRID;
  return {
    meetings: {
      firstSlotAt: dayjs(`2000-01-01T${grid.firstSlotAt}`),
      slotMinutes: grid.slotMinutes,
      slots: grid.slots,
      tables: grid.tables,
    },
    theme: details?.theme,
    route: details?.route,
    booths: details?.booths ?? null,
    mode: details?.mode ?? 'offline',
    school: details?.school,
    days: details?.days ?? null,
    hours: details?.hours ?? null,
    certificate: details?.certificate ?? false,
    curriculum: details?.curriculum,
    services: details?.services,
  };
}

interface Props {
  /** null sets up a new activity. */
  activity: ActivityView | null;
  onClose: () => void;
  onSaved?: (activity: ActivityView) => void;
}

/**
 * 新建 / 编辑活动: kind (fixed once created), title, times (China time), place,
 * region, organisers, seats, approval, when registration closes, what it
 * features, and the kind's own settings (the 1:1 meeting grid of a matchmaking
 * meeting). The whole activity is sent, with the version it was read at.
 */
export function ActivityFormDrawer({ activity: current, onClose, onSaved }: Props) {
  const t = useT();
  const formats = usePickerFormats();
  const me = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  // The activity as it was when the form opened: a newer version read meanwhile must not be
  // overwritten with these values unnoticed (the server answers VERSION_CONFLICT instead).
  const [activity] = useState(current);
  const recordForm = useRecordForm({
    form,
    record: activity,
    create: useCreateActivity(),
    update: useUpdateActivity(),
    savedMessage: (result) =>
      activity ? t('activities.updated') : t('activities.created', { title: result.title }),
    onSaved,
    onClose,
    region: { field: 'regionCode', ownForNew: true },
    codeFields: ERROR_FIELDS,
    fieldName: formName,
  });
  const kind = Form.useWatch('kind', form) ?? activity?.kind ?? 'matchmaking';
  // An activity entered after it was held: say what can be recorded, and that nobody registers any more.
  const endsAt = Form.useWatch('endsAt', form) as Dayjs | null | undefined;
  const held = !!endsAt && Date.parse(pickedChinaTime(endsAt)) < Date.now();

  const initialValues: Partial<FormValues> = activity
    ? {
        kind: activity.kind,
        title: activity.title,
        startsAt: chinaPickerValue(activity.startsAt),
        endsAt: chinaPickerValue(activity.endsAt),
        registrationClosesAt: chinaPickerValue(activity.registrationClosesAt) ?? null,
        place: activity.place ?? undefined,
        regionCode: recordForm.startRegion,
        organisers: activity.organisers,
        capacity: activity.capacity,
        needsApproval: activity.needsApproval,
        description: activity.description ?? undefined,
        featured: activity.featured.map((item) => item.id),
        details: detailValuesOf(activityDetails(activity)),
      }
    : {
        kind: 'matchmaking',
        regionCode: recordForm.startRegion,
        organisers: me.organisationName ? [me.organisationName] : [],
        capacity: null,
        needsApproval: false,
        featured: [],
        details: detailValuesOf(undefined),
      };

  const onFinish = (values: FormValues) => {
    const description = clean(values.description);
    const place = clean(values.place);
    const input: ActivityInput = {
      kind: values.kind,
      title: values.title.trim(),
      startsAt: pickedChinaTime(values.startsAt!),
      endsAt: pickedChinaTime(values.endsAt!),
      regionCode: regionCodeOf(values.regionCode) ?? '',
      organisers: [...new Set((values.organisers ?? []).map((name) => name.trim()).filter(Boolean))],
      capacity: typeof values.capacity === 'number' ? values.capacity : null,
      needsApproval: values.needsApproval ?? false,
      registrationClosesAt: values.registrationClosesAt ? pickedChinaTime(values.registrationClosesAt) : null,
      details: detailsOf(values.kind, values.details),
      featured: values.featured ?? [],
      ...(description ? { description } : {}),
      ...(place ? { place } : {}),
    };
    if (activity) {
      const { kind: _kind, ...body } = input;
      recordForm.update(body);
    } else {
      recordForm.create(input);
    }
  };

  const tooLong = (label: string, max: number): Rule => ({
    max,
    message: t('validation.tooLong', { label, max }),
  });

  return (
    <FormDrawer
      title={activity ? t('activities.editTitle', { title: activity.title }) : t('activities.createTitle')}
      {...recordForm.drawer}
      testId="activity"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A start with no end yet: the end follows, three hours later.
          if (changed.startsAt && !form.getFieldValue('endsAt')) {
            form.setFieldValue('endsAt', changed.startsAt.add(3, 'hour'));
          }
        }}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="kind"
              label={t('activities.kind')}
              extra={activity ? t('activities.form.kindFixed') : undefined}
              rules={[{ required: true, message: t('activities.validation.kindRequired') }]}
            >
              <Select
                options={kindOptions(t)}
                disabled={activity !== null}
                data-testid="activity-kind-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('activities.title')} rules={titleRules(t)}>
              <Input maxLength={TITLE_MAX} autoComplete="off" data-testid="activity-title-input" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="startsAt"
              label={t('activities.startsAt')}
              rules={[{ required: true, message: t('activities.validation.startRequired') }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={formats.dateTime}
                placeholder={t('activities.form.timePlaceholder')}
                style={{ width: '100%' }}
                data-testid="activity-starts"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="endsAt"
              label={t('activities.endsAt')}
              dependencies={['startsAt']}
              rules={[
                { required: true, message: t('activities.validation.endRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startsAt') as Dayjs | null | undefined;
                    if (value && start && !value.isAfter(start)) {
                      throw new Error(t('activities.validation.endAfterStart'));
                    }
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={formats.dateTime}
                placeholder={t('activities.form.timePlaceholder')}
                style={{ width: '100%' }}
                data-testid="activity-ends"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t('activities.form.chinaTime')}
        </Typography.Paragraph>
        {held && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('activities.form.heldAlready')}
            data-testid="activity-held-already"
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="place"
              label={t('activities.place')}
              rules={[tooLong(t('activities.place'), PLACE_MAX)]}
            >
              <Input
                maxLength={PLACE_MAX}
                placeholder={t('activities.form.placePlaceholder')}
                data-testid="activity-place"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="regionCode"
              label={t('field.region')}
              extra={t('activities.form.regionHint')}
              rules={[{ required: true, message: t('validation.regionRequired') }]}
            >
              <RegionCascader allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="organisers"
          label={t('activities.organisers')}
          extra={t('activities.form.organisersHint')}
          rules={[
            {
              type: 'array',
              max: ORGANISERS_MAX,
              message: t('activities.validation.organisersMax', { max: ORGANISERS_MAX }),
            },
            {
              validator: async (_rule, value: unknown) => {
                if (
                  Array.isArray(value) &&
                  value.some((name) => String(name).trim().length > ORGANISER_MAX)
                ) {
                  throw new Error(t('activities.validation.organiserTooLong', { max: ORGANISER_MAX }));
                }
              },
            },
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={ORGANISER_SEPARATORS}
            open={false}
            suffixIcon={null}
            placeholder={t('activities.form.organisersPlaceholder')}
            data-testid="activity-organisers"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="capacity"
              label={t('activities.capacity')}
              extra={t(activity ? 'activities.form.capacityEditHint' : 'activities.form.capacityHint')}
              rules={[
                {
                  type: 'integer',
                  min: 1,
                  max: CAPACITY_MAX,
                  message: t('activities.validation.capacity', { max: CAPACITY_MAX }),
                },
              ]}
            >
              <InputNumber<number>
                min={1}
                max={CAPACITY_MAX}
                precision={0}
                style={{ width: '100%' }}
                placeholder={t('activities.unlimited')}
                addonAfter={t('activities.unit.people')}
                data-testid="activity-capacity"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="registrationClosesAt"
              label={t('activities.registrationClosesAt')}
              extra={t('activities.form.closesHint')}
              dependencies={['endsAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const end = getFieldValue('endsAt') as Dayjs | null | undefined;
                    if (value && end && value.isAfter(end)) {
                      throw new Error(t('activities.validation.closesBeforeEnd'));
                    }
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={formats.dateTime}
                placeholder={t('activities.form.timePlaceholder')}
                style={{ width: '100%' }}
                data-testid="activity-closes"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="needsApproval"
              label={t('activities.needsApproval')}
              valuePropName="checked"
              extra={t('activities.form.approvalHint')}
            >
              <Switch data-testid="activity-approval" />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          {t('activities.form.kindSettings', {
            kind: kindOptions(t).find((o) => o.value === kind)?.label ?? '',
          })}
        </Divider>
        <KindSettings kind={kind} />
        <Divider />
        <Form.Item
          name="featured"
          label={t('activities.featured')}
          extra={t('activities.form.featuredHint')}
          rules={[
            {
              type: 'array',
              max: FEATURED_MAX,
              message: t('activities.validation.featuredMax', { max: FEATURED_MAX }),
            },
          ]}
        >
          <FeaturedSelect current={activity?.featured ?? []} data-testid="activity-featured" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('activities.description')}
          rules={[tooLong(t('activities.description'), DESCRIPTION_MAX)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={DESCRIPTION_MAX}
            showCount
            placeholder={t('activities.form.descriptionPlaceholder')}
            data-testid="activity-description"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 活动名称: 2 to 120 characters once trimmed (mirrors the server). */
function titleRules(t: Translate): Rule[] {
  return [
    { required: true, whitespace: true, message: t('activities.validation.titleRequired') },
    {
      validator: async (_rule, value: unknown) => {
        const length = typeof value === 'string' ? value.trim().length : 0;
        if (length > 0 && (length < TITLE_MIN || length > TITLE_MAX)) {
          throw new Error(t('activities.validation.titleLength', { min: TITLE_MIN, max: TITLE_MAX }));
        }
      },
    },
  ];
}

/** An integer (or, with `step`, a number) between min and max, named for the message. */
function rangeRule(t: Translate, label: string, min: number, max: number, required = false): Rule[] {
  return [
    ...(required ? [{ required: true, message: t('activities.validation.required', { label }) }] : []),
    { type: 'number', min, max, message: t('activities.validation.range', { label, min, max }) },
  ];
}

/** The settings of the chosen kind (kinds.ts): the meeting grid, booths, hours … */
function KindSettings({ kind }: { kind: ActivityKind }) {
  const t = useT();
  const form = Form.useFormInstance<FormValues>();
  const grid = Form.useWatch(['details', 'meetings'], form);
  const tooLong = (label: string, max: number): Rule => ({
    max,
    message: t('validation.tooLong', { label, max }),
  });

  switch (kind) {
    case 'matchmaking': {
      const first = grid?.firstSlotAt;
      const minutes = grid?.slotMinutes ?? 0;
      const slots = grid?.slots ?? 0;
      const tables = grid?.tables ?? 0;
      const summary =
        first && minutes > 0 && slots > 0 && tables > 0
          ? t('activities.grid.summary', {
              from: first.format('HH:mm'),
              to: first.add(minutes * slots, 'minute').format('HH:mm'),
              slots,
              minutes,
              tables,
              total: slots * tables,
            })
          : null;
      return (
        <>
          <Typography.Paragraph type="secondary">{t('activities.grid.intro')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name={['details', 'meetings', 'firstSlotAt']}
                label={t('activities.grid.firstSlotAt')}
                rules={[{ required: true, message: t('activities.validation.firstSlotRequired') }]}
              >
                <TimePicker
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  style={{ width: '100%' }}
                  data-testid="grid-first-slot"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['details', 'meetings', 'slotMinutes']}
                label={t('activities.grid.slotMinutes')}
                rules={rangeRule(t, t('activities.grid.slotMinutes'), 5, 120, true)}
              >
                <InputNumber<number>
                  min={5}
                  max={120}
                  precision={0}
                  addonAfter={t('activities.unit.minutes')}
                  style={{ width: '100%' }}
                  data-testid="grid-slot-minutes"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['details', 'meetings', 'slots']}
                label={t('activities.grid.slots')}
                rules={rangeRule(t, t('activities.grid.slots'), 1, 48, true)}
              >
                <InputNumber<number>
                  min={1}
                  max={48}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="grid-slots"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['details', 'meetings', 'tables']}
                label={t('activities.grid.tables')}
                rules={rangeRule(t, t('activities.grid.tables'), 1, 500, true)}
              >
                <InputNumber<number>
                  min={1}
                  max={500}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="grid-tables"
                />
              </Form.Item>
            </Col>
          </Row>
          {summary && (
            <Alert
              type="info"
              showIcon
              message={summary}
              style={{ marginBottom: 16 }}
              data-testid="grid-summary"
            />
          )}
        </>
      );
    }
    case 'forum':
      return (
        <Form.Item
          name={['details', 'theme']}
          label={t('activities.details.theme')}
          rules={[tooLong(t('activities.details.theme'), 200)]}
        >
          <Input maxLength={200} />
        </Form.Item>
      );
    case 'visit':
      return (
        <Form.Item
          name={['details', 'route']}
          label={t('activities.details.route')}
          rules={[tooLong(t('activities.details.route'), 500)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder={t('activities.details.routePlaceholder')}
          />
        </Form.Item>
      );
    case 'job_fair':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['details', 'mode']} label={t('activities.details.mode')}>
              <Select options={JOB_FAIR_MODES.map((mode) => ({ value: mode, label: modeLabel(t, mode) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['details', 'booths']}
              label={t('activities.details.booths')}
              rules={rangeRule(t, t('activities.details.booths'), 1, 2000)}
            >
              <InputNumber<number>
                min={1}
                max={2000}
                precision={0}
                addonAfter={t('activities.unit.booths')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'study_tour':
      return (
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name={['details', 'school']}
              label={t('activities.details.school')}
              rules={[tooLong(t('activities.details.school'), 100)]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['details', 'days']}
              label={t('activities.details.days')}
              rules={rangeRule(t, t('activities.details.days'), 1, 365)}
            >
              <InputNumber<number>
                min={1}
                max={365}
                precision={0}
                addonAfter={t('activities.unit.days')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'training':
      return (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['details', 'hours']}
                label={t('activities.details.hours')}
                rules={rangeRule(t, t('activities.details.hours'), 0.5, 2000)}
              >
                <InputNumber<number>
                  min={0.5}
                  max={2000}
                  step={0.5}
                  precision={1}
                  addonAfter={t('activities.unit.hours')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['details', 'certificate']}
                label={t('activities.details.certificate')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['details', 'curriculum']}
            label={t('activities.details.curriculum')}
            rules={[tooLong(t('activities.details.curriculum'), 4000)]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
          </Form.Item>
        </>
      );
    case 'care':
      return (
        <Form.Item
          name={['details', 'services']}
          label={t('activities.details.services')}
          rules={[tooLong(t('activities.details.services'), 1000)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder={t('activities.details.servicesPlaceholder')}
          />
        </Form.Item>
      );
  }
}
