import type { Role } from '@server/platform/access/permissions.ts';
import { Alert, App as AntApp, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors, EMAIL_MAX, emailRules, isMobile, newPasswordRules } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionCodeOf, regionPath, useRegions } from '../../app/regions.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import {
  type CreateUserBody,
  type UpdateUserBody,
  type User,
  useCreateUser,
  useOrganisations,
  useRoleLabel,
  useUpdateUser,
} from './api.ts';

interface UserFormValues {
  username: string;
  displayName: string;
  mobile?: string;
  /** A new address; the stored one is never shown in full (it is masked), so this starts empty. */
  email?: string;
  /** Editing: remove the stored address. */
  clearEmail?: boolean;
  role: Role;
  /** The Cascader path; its last code is sent as regionCode. */
  regionCode: string[];
  organisationId?: string | null;
  password?: string;
  disabled?: boolean;
}

interface Props {
  /** null creates a new account. */
  user: User | null;
  onClose: () => void;
}

/** Creates an account, or edits one (sending the version it was read at). */
export function UserFormModal({ user, onClose }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const canReadOrganisations = useCan('organisations.read');
  const [form] = Form.useForm<UserFormValues>();
  const regions = useRegions();
  const roleLabel = useRoleLabel();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const clearEmail = Form.useWatch('clearEmail', form) ?? false;

  const roleOptions: { value: string; label: string; disabled?: boolean }[] = me.assignableRoles.map(
    (role) => ({ value: role, label: roleLabel(role) }),
  );
  if (user && !me.assignableRoles.includes(user.role)) {
    // Shown so the current role reads properly; it cannot be chosen anew.
    roleOptions.unshift({ value: user.role, label: roleLabel(user.role), disabled: true });
  }

  // The region tree may arrive after the form mounted: fill the region in unless already chosen.
  const defaultRegion = user?.regionCode ?? me.regionCode;
  useEffect(() => {
    if (regions.data && !form.isFieldTouched('regionCode')) {
      form.setFieldValue('regionCode', regionPath(regions.data, defaultRegion));
    }
  }, [form, regions.data, defaultRegion]);

  const initialValues: Partial<UserFormValues> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        mobile: user.mobile ?? '',
        email: '',
        clearEmail: false,
        role: user.role,
        regionCode: regionPath(regions.data, defaultRegion),
        organisationId: user.organisationId,
        disabled: user.disabled,
      }
    : { regionCode: regionPath(regions.data, defaultRegion) };

  const onError = (error: unknown) => applyServerErrors(form, error);
  const onSaved = () => {
    void message.success(user ? t('users.updated') : t('users.created'));
    onClose();
  };

  const onFinish = (values: UserFormValues) => {
    const regionCode = regionCodeOf(values.regionCode) ?? '';
    if (!user) {
      const body: CreateUserBody = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        regionCode,
        password: values.password ?? '',
      };
      if (values.mobile?.trim()) body.mobile = values.mobile.trim();
      if (values.email?.trim()) body.email = values.email.trim();
      if (canReadOrganisations && values.organisationId) body.organisationId = values.organisationId;
      create.mutate(body, { onSuccess: onSaved, onError });
      return;
    }
    const body = changedFields(user, values, regionCode, canReadOrganisations);
    update.mutate({ id: user.id, body }, { onSuccess: onSaved, onError });
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      maskClosable={false}
      width={560}
    >
      {mutation.isError && (
        <Alert type="error" showIcon message={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<UserFormValues>) => {
          // Clearing the address drops whatever was typed for a new one.
          if (changed.clearEmail) form.setFields([{ name: 'email', value: '', errors: [] }]);
        }}
      >
        <Form.Item
          name="username"
          label={t('field.username')}
          extra={user ? undefined : t('validation.usernameHint')}
          rules={[
            { required: true, message: t('validation.usernameRequired') },
            { pattern: /^\s*[A-Za-z0-9_.-]{3,32}\s*$/, message: t('validation.usernameInvalid') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('field.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.displayNameRequired') },
            { max: 64, message: t('validation.displayNameTooLong') },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('field.mobile')}
          extra={user?.mobile ? t('users.mobileMaskedHint') : undefined}
          rules={[
            {
              validator: (_rule, value: unknown) =>
                typeof value !== 'string' || value.trim() === '' || value === user?.mobile || isMobile(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.mobileInvalid'))),
            },
          ]}
        >
          <Input placeholder={t('users.mobilePlaceholder')} maxLength={20} allowClear />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('field.email')}
          extra={user?.email ? t('users.emailMaskedHint', { email: user.email }) : undefined}
          rules={clearEmail ? [] : emailRules(t)}
          style={user?.email ? { marginBottom: 8 } : undefined}
        >
          <Input
            // The stored address is shown masked, as a hint only: it is sent again only when retyped.
            placeholder={user?.email ?? t('users.emailPlaceholder')}
            maxLength={EMAIL_MAX}
            allowClear
            disabled={clearEmail}
            autoComplete="off"
            data-testid="user-email"
          />
        </Form.Item>
        {user?.email && (
          <Form.Item name="clearEmail" valuePropName="checked">
            <Checkbox data-testid="user-clear-email">{t('users.clearEmail')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="role"
          label={t('field.role')}
          rules={[{ required: true, message: t('validation.roleRequired') }]}
        >
          <Select options={roleOptions} placeholder={t('users.rolePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('field.region')}
          rules={[{ required: true, message: t('validation.regionRequired') }]}
        >
          <RegionCascader allowClear={false} />
        </Form.Item>
        <OrganisationField current={user} />
        {user ? (
          <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
            <Switch checkedChildren={t('users.statusDisabled')} unCheckedChildren={t('users.statusActive')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={newPasswordRules(t)}
            extra={t('validation.passwordHint')}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Only what the form changed, plus the version the record was read at. */
function changedFields(
  user: User,
  values: UserFormValues,
  regionCode: string,
  /** Without organisations.read the field is not shown, so it must not be sent either. */
  organisationShown: boolean,
): UpdateUserBody {
  const body: UpdateUserBody = { version: user.version };
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) body.displayName = displayName;
  // The mobile arrives masked: left as shown it is unchanged, emptied it is removed.
  const mobile = values.mobile?.trim() ?? '';
  if (mobile === '' && user.mobile !== null) body.mobile = null;
  else if (mobile !== '' && mobile !== user.mobile) body.mobile = mobile;
  // The address is masked too, but never prefilled: only a retyped one is sent, or null to clear it.
  const email = values.email?.trim() ?? '';
  if (values.clearEmail) {
    if (user.email !== null) body.email = null;
  } else if (email !== '') {
    body.email = email;
  }
  if (values.role !== user.role) body.role = values.role;
  if (regionCode && regionCode !== user.regionCode) body.regionCode = regionCode;
  const organisationId = values.organisationId ?? null;
  if (organisationShown && organisationId !== user.organisationId) body.organisationId = organisationId;
  if (values.disabled !== undefined && values.disabled !== user.disabled) body.disabled = values.disabled;
  return body;
}

/** Organisation picker; shown only to accounts that may read organisations. */
function OrganisationField({ current }: { current: User | null }) {
  const t = useT();
  const canRead = useCan('organisations.read');
  const [input, setInput] = useState('');
  const search = useDebounced(input.trim());
  const organisations = useOrganisations(search, canRead);
  if (!canRead) return null;

  const options = (organisations.data ?? []).map((org) => ({
    value: org.id,
    label: t('users.organisationOption', { name: org.name, region: org.regionName }),
  }));
  if (current?.organisationId && !options.some((o) => o.value === current.organisationId)) {
    options.unshift({
      value: current.organisationId,
      label: current.organisationName ?? current.organisationId,
    });
  }

  return (
    <Form.Item name="organisationId" label={t('field.organisation')}>
      <Select
        allowClear
        showSearch
        filterOption={false}
        onSearch={setInput}
        options={options}
        loading={organisations.isFetching}
        placeholder={t('users.organisationPlaceholder')}
        notFoundContent={organisations.isError ? errorMessage(organisations.error) : undefined}
      />
    </Form.Item>
  );
}
