import {
  Alert,
  App as AntApp,
  type ButtonProps,
  Checkbox,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { EMPTY } from '../../app/format.ts';
import { applyServerErrors, clean, isMobile, normaliseMobile } from '../../app/forms.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { useRegistryList } from '../registry/api.ts';
import { type ExpertOption, ExpertSelect } from '../teams/ExpertSelect.tsx';
import { useRegister } from './api.ts';
import { registrationStatusLabel, roleOptions } from './shared.tsx';
import {
  type ActivityView,
  KIND_SPECS,
  ORGANISATION_ROLES,
  type ParticipantRole,
  type RegisterBody,
} from './types.ts';

type Who = 'expert' | 'enterprise' | 'institution' | 'guest';

const WHO_KEYS: Record<Who, MessageKey> = {
  expert: 'activities.registration.by.expert',
  enterprise: 'activities.registration.by.enterprise',
  institution: 'activities.registration.by.institution',
  guest: 'activities.registration.by.guest',
};

/** The organisation roles an institution of the registry may come in: 高校院所, or a host (接待单位). */
const INSTITUTION_ROLES: readonly ParticipantRole[] = ['institution', 'host'];

interface Values {
  talentId?: string;
  enterpriseId?: string;
  institutionId?: string;
  name?: string;
  mobile?: string;
  organisationName?: string;
  role?: ParticipantRole;
  invited?: boolean;
  /** 已出席: they came (recorded at the door or after the activity): checked in, at its time once over. */
  attended?: boolean;
  note?: string;
}

const NAME_MAX = 64;
const ORGANISATION_MAX = 128;
const NOTE_MAX = 500;

/**
 * 添加报名 by an organiser: an expert, an enterprise or an institution (高校院所)
 * of the registry, or anyone by name (and mobile); registered by hand or invited.
 * Organisers' registrations need no approval (seats and the waiting list as usual).
 */
export function AddRegistrationModal({ activity, onClose }: { activity: ActivityView; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const canSearch = useCan('registry.read');
  const register = useRegister(activity.id);
  const [form] = Form.useForm<Values>();
  // Once the activity is over, whoever is added came: a finished one takes nobody else.
  const finished = activity.status === 'finished';
  const over = finished || (activity.status !== 'draft' && activity.over);
  const kindRoles = KIND_SPECS[activity.kind].roles;
  const personRoles = kindRoles.filter((role) => !ORGANISATION_ROLES.has(role));
  const enterpriseRoles = kindRoles.filter((role) => ORGANISATION_ROLES.has(role) && role !== 'institution');
  const institutionRoles = kindRoles.filter((role) => INSTITUTION_ROLES.includes(role));
  const choices: Who[] = [
    ...(canSearch ? (['expert'] as const) : []),
    ...(canSearch && enterpriseRoles.length > 0 ? (['enterprise'] as const) : []),
    ...(canSearch && institutionRoles.length > 0 ? (['institution'] as const) : []),
    'guest',
  ];
  const [who, setWho] = useState<Who>(choices[0] ?? 'guest');
  const [known, setKnown] = useState<ReadonlyMap<string, ExpertOption>>(new Map());
  const remember = useCallback((experts: ExpertOption[]) => {
    setKnown((before) => {
      const fresh = experts.filter((expert) => !before.has(expert.id));
      return fresh.length === 0 ? before : new Map([...before, ...fresh.map((e) => [e.id, e] as const)]);
    });
  }, []);

  const rolesFor = (choice: Who): readonly ParticipantRole[] =>
    choice === 'expert'
      ? personRoles
      : choice === 'enterprise'
        ? enterpriseRoles
        : choice === 'institution'
          ? institutionRoles
          : kindRoles;
  const defaultRole = (choice: Who): ParticipantRole | undefined => {
    const roles = rolesFor(choice);
    if (choice === 'expert' && roles.includes('expert')) return 'expert';
    if (choice === 'institution' && roles.includes('institution')) return 'institution';
    if (choice === 'enterprise' || choice === 'institution') return roles[0];
    return roles.find((role) => !ORGANISATION_ROLES.has(role)) ?? roles[0];
  };

  const submit = (values: Values) => {
    const note = clean(values.note);
    const common: RegisterBody = {
      ...(values.role ? { role: values.role } : {}),
      ...(values.invited ? { invited: true } : {}),
      ...(values.attended || finished ? { attended: true } : {}),
      ...(note ? { note } : {}),
    };
    let body: RegisterBody;
    if (who === 'expert') body = { ...common, talentId: values.talentId };
    else if (who === 'enterprise') body = { ...common, enterpriseId: values.enterpriseId };
    else if (who === 'institution') body = { ...common, institutionId: values.institutionId };
    else {
      const mobile = clean(values.mobile);
      const organisationName = clean(values.organisationName);
      body = {
        ...common,
        name: clean(values.name) ?? '',
        ...(mobile ? { mobile: normaliseMobile(mobile) } : {}),
        ...(organisationName ? { organisationName } : {}),
      };
    }
    register.mutate(body, {
      onSuccess: (registration) => {
        void message.success(
          t('activities.registration.added', {
            name: registration.name,
            status: registrationStatusLabel(t, registration.status),
          }),
        );
        onClose();
      },
      onError: (error) => {
        applyServerErrors(form, error);
      },
    });
  };

  const ok: ButtonProps & { 'data-testid': string } = {
    loading: register.isPending,
    'data-testid': 'registration-add-submit',
  };
  return (
    <Modal
      open
      width={640}
      title={t('activities.registration.addTitle', { title: activity.title })}
      okText={t('activities.registration.addSubmit')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<Who>
          block
          value={who}
          onChange={(next) => {
            setWho(next);
            register.reset();
            form.setFieldValue('role', defaultRole(next));
          }}
          options={choices.map((choice) => ({ value: choice, label: t(WHO_KEYS[choice]) }))}
          data-testid="registration-add-who"
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ role: defaultRole(who), invited: false, attended: over }}
          onFinish={submit}
          preserve={false}
        >
          {who === 'expert' && (
            <Form.Item
              name="talentId"
              label={t('activities.registration.expert')}
              rules={[{ required: true, message: t('activities.validation.expertRequired') }]}
            >
              <ExpertSelect known={known} onSeen={remember} data-testid="registration-expert" />
            </Form.Item>
          )}
          {who === 'enterprise' && (
            <Form.Item
              name="enterpriseId"
              label={t('activities.registration.enterprise')}
              rules={[{ required: true, message: t('activities.validation.enterpriseRequired') }]}
            >
              <OrganisationSelect kind="enterprises" data-testid="registration-enterprise" />
            </Form.Item>
          )}
          {who === 'institution' && (
            <Form.Item
              name="institutionId"
              label={t('activities.registration.institution')}
              rules={[{ required: true, message: t('activities.validation.institutionRequired') }]}
            >
              <OrganisationSelect kind="institutions" data-testid="registration-institution" />
            </Form.Item>
          )}
          {who === 'guest' && (
            <>
              <Form.Item
                name="name"
                label={t('activities.registration.name')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.displayNameRequired') },
                  { max: NAME_MAX, message: t('validation.displayNameTooLong') },
                ]}
              >
                <Input maxLength={NAME_MAX} autoComplete="off" data-testid="registration-name" />
              </Form.Item>
              <Form.Item
                name="mobile"
                label={t('activities.registration.mobile')}
                extra={t('activities.registration.mobileHint')}
                rules={[
                  {
                    validator: async (_rule, value: unknown) => {
                      if (typeof value === 'string' && value.trim() && !isMobile(value)) {
                        throw new Error(t('validation.mobileInvalid'));
                      }
                    },
                  },
                ]}
              >
                <Input maxLength={20} autoComplete="off" data-testid="registration-mobile" />
              </Form.Item>
              <Form.Item
                name="organisationName"
                label={t('activities.registration.organisation')}
                rules={[
                  {
                    max: ORGANISATION_MAX,
                    message: t('validation.tooLong', {
                      label: t('activities.registration.organisation'),
                      max: ORGANISATION_MAX,
                    }),
                  },
                ]}
              >
                <Input maxLength={ORGANISATION_MAX} data-testid="registration-organisation" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="role"
            label={t('activities.registration.role')}
            rules={[{ required: true, message: t('activities.validation.roleRequired') }]}
          >
            <Select options={roleOptions(t, rolesFor(who))} data-testid="registration-role" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('activities.registration.note')}
            rules={[
              {
                max: NOTE_MAX,
                message: t('validation.tooLong', {
                  label: t('activities.registration.note'),
                  max: NOTE_MAX,
                }),
              },
            ]}
          >
            <Input maxLength={NOTE_MAX} />
          </Form.Item>
          <Form.Item name="invited" valuePropName="checked" extra={t('activities.registration.invitedHint')}>
            <Checkbox data-testid="registration-invited">{t('activities.registration.invited')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="attended"
            valuePropName="checked"
            extra={t('activities.registration.attendedHint')}
          >
            <Checkbox disabled={finished} data-testid="registration-attended">
              {t('activities.registration.attended')}
            </Checkbox>
          </Form.Item>
        </Form>
        {register.isError && (
          <Alert
            type="error"
            showIcon
            message={errorMessage(register.error)}
            data-testid="registration-add-error"
          />
        )}
      </Space>
    </Modal>
  );
}

interface OrganisationOption {
  value: string;
  label: string;
  code: string;
  name: string;
  region: string;
}

/** An enterprise or an institution of the registry, found by name or code as one types (the registry scopes it to the region). */
function OrganisationSelect({
  kind,
  value,
  onChange,
  id,
  'data-testid': testId,
}: {
  kind: 'enterprises' | 'institutions';
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const records = useRegistryList(kind, { page: 1, pageSize: 20, ...(q ? { q } : {}) });
  const options: OrganisationOption[] = (records.data?.items ?? [])
    .filter((record) => !record.archived)
    .map((record) => ({
      value: record.id,
      label: record.name,
      code: record.code,
      name: record.name,
      region: record.regionName ?? EMPTY,
    }));
  return (
    <Select<string, OrganisationOption>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch
      filterOption={false}
      onSearch={setInput}
      allowClear
      loading={records.isFetching}
      options={options}
      placeholder={t(
        kind === 'institutions'
          ? 'activities.registration.institutionPlaceholder'
          : 'activities.registration.enterprisePlaceholder',
      )}
      notFoundContent={records.isError ? errorMessage(records.error) : undefined}
      optionRender={(option) => (
        <Space
          size={6}
          wrap
          data-testid={kind === 'institutions' ? 'institution-option' : 'enterprise-option'}
        >
          <Typography.Text strong>{option.data.name}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{option.data.code}</Tag>
          <Typography.Text type="secondary">{option.data.region}</Typography.Text>
        </Space>
      )}
      data-testid={testId}
    />
  );
}
