import { Alert, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useMemo, useState } from 'react';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { clean } from '../../app/forms.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { type RegionNode, regionCodeOf } from '../../app/regions.ts';
import { useRecordForm } from '../../app/useRecordForm.ts';
import { useDictionary } from '../registry/api.ts';
import { DictionarySelect } from '../registry/DictionarySelect.tsx';
import { useCompositionRules, useCreateTeam, useUpdateTeam } from './api.ts';
import { type ExpertOption, ExpertSelect } from './ExpertSelect.tsx';
import { StationSelect } from './StationSelect.tsx';
import { memberRoleOptions, teamKindOptions } from './shared.tsx';
import type { MemberRole, TeamInput, TeamKind, TeamMemberInput, TeamView } from './types.ts';

interface TeamFormValues {
  name: string;
  kind: TeamKind;
  /** The Cascader path; its last code is sent as regionCode. */
  regionCode: string[];
  leaderTalentId?: string;
  /** Everyone besides the leader. */
  members: string[];
  /** 职责 by expert id, the leader's included. */
  duties?: Record<string, string | undefined>;
  description?: string;
  /** 组合式人才帮扶团: each member's place as the composition rules count it, the leader's included. */
  roles?: Record<string, MemberRole | undefined>;
  countyCode?: string;
  industryCode?: string | null;
  industryName?: string;
  stationId?: string;
}

/** The server's limits (contract.ts). */
const NAME_MIN = 2;
const NAME_MAX = 60;
const DUTY_MAX = 100;
const DESCRIPTION_MAX = 2000;
const MEMBERS_MAX = 100;
const INDUSTRY_NAME_MAX = 60;

/** Errors the server reports without a field, and the field they are about. */
const ERROR_FIELDS: Record<string, keyof TeamFormValues> = {
  TEAM_NAME_TAKEN: 'name',
  TEAM_REGION_OUT_OF_SCOPE: 'regionCode',
  TEAM_COUNTY_OUT_OF_SCOPE: 'countyCode',
  TEAM_STATION_UNKNOWN: 'stationId',
};

interface Props {
  /** null sets up a new team. */
  team: TeamView | null;
  onClose: () => void;
  onSaved?: (team: TeamView) => void;
}

/**
 * 组建 / 编辑服务团队: name, kind, region, a leader and members picked from the
 * experts, each with an optional duty. The whole team is sent (the server
 * replaces it), with the version it was read at.
 */
export function TeamFormDrawer({ team: current, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<TeamFormValues>();
  // The team as it was when the form opened: a newer version read meanwhile must not be
  // overwritten with these values unnoticed (the server answers VERSION_CONFLICT instead).
  const [team] = useState(current);
  const recordForm = useRecordForm({
    form,
    record: team,
    create: useCreateTeam(),
    update: useUpdateTeam(),
    savedMessage: (result) => (team ? t('teams.updated') : t('teams.created', { name: result.name })),
    onSaved,
    onClose,
    region: { field: 'regionCode', ownForNew: true },
    codeFields: ERROR_FIELDS,
  });
  const [known, setKnown] = useState<ReadonlyMap<string, ExpertOption>>(
    () => new Map(team?.members.map((m) => [m.talentId, { id: m.talentId, name: m.name }])),
  );
  // Every expert the searches found, so the chosen ones keep their names (and codes).
  const remember = useCallback((experts: ExpertOption[]) => {
    setKnown((before) => {
      const fresh = experts.filter((expert) => before.get(expert.id)?.code !== expert.code);
      return fresh.length === 0 ? before : new Map([...before, ...fresh.map((e) => [e.id, e] as const)]);
    });
  }, []);
  const leader = Form.useWatch('leaderTalentId', form);
  const members = Form.useWatch('members', form) ?? [];
  const kind = Form.useWatch('kind', form) ?? team?.kind ?? 'assistance';
  const regionPath = Form.useWatch('regionCode', form);
  const combined = kind === 'combined';
  const industries = useDictionary('industry', combined);

  const initialValues: Partial<TeamFormValues> = team
    ? {
        name: team.name,
        kind: team.kind,
        regionCode: recordForm.startRegion,
        leaderTalentId: team.leader?.talentId,
        members: team.members.filter((m) => !m.leader).map((m) => m.talentId),
        duties: Object.fromEntries(team.members.map((m) => [m.talentId, m.duty ?? undefined])),
        description: team.description ?? undefined,
        roles: Object.fromEntries(team.members.map((m) => [m.talentId, m.role])),
        countyCode: team.countyCode ?? undefined,
        industryCode: team.industryCode ?? undefined,
        industryName: team.industryName ?? undefined,
        stationId: team.station?.id,
      }
    : { kind: 'assistance', members: [], regionCode: recordForm.startRegion };

  const onFinish = (values: TeamFormValues) => {
    const leaderId = values.leaderTalentId ?? '';
    const duty = (id: string) => clean(values.duties?.[id]);
    const roleOf = (id: string): MemberRole => values.roles?.[id] ?? 'member';
    const member = (id: string): TeamMemberInput => {
      const text = duty(id);
      // Roles count for a combined team only; other kinds keep their members plain.
      const role = values.kind === 'combined' ? { role: roleOf(id) } : {};
      return text ? { talentId: id, ...role, duty: text } : { talentId: id, ...role };
    };
    const input: TeamInput = {
      name: values.name.trim(),
      kind: values.kind,
      regionCode: regionCodeOf(values.regionCode) ?? '',
      leaderTalentId: leaderId,
      // The leader is listed too when they have a duty (the server keeps it with them).
      members: [
        ...(duty(leaderId) ? [member(leaderId)] : []),
        ...values.members.filter((id) => id !== leaderId).map(member),
      ],
    };
    const description = clean(values.description);
    if (description) input.description = description;
    if (values.kind === 'combined') {
      input.leaderRole = roleOf(leaderId);
      if (values.countyCode) input.countyCode = values.countyCode;
      const industryName = clean(values.industryName);
      if (values.industryCode) input.industryCode = values.industryCode;
      if (industryName) input.industryName = industryName;
      if (values.stationId) input.stationId = values.stationId;
    }
    if (team) recordForm.update(input);
    else recordForm.create(input);
  };

  // The experts in the team, the leader first, each with a duty.
  const roster = [...(leader ? [leader] : []), ...members.filter((id) => id !== leader)];

  return (
    <FormDrawer
      width={720}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      {...recordForm.drawer}
      testId="team"
    >
      <Form<TeamFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<TeamFormValues>) => {
          // A code picked from the list names the industry (a name typed alone is kept as text).
          if ('industryCode' in changed) {
            const entry = industries.data?.find((e) => e.code === changed.industryCode);
            if (entry) form.setFieldValue('industryName', entry.name);
          }
          // Another region: the paired county must lie within it.
          if ('regionCode' in changed) {
            const county = form.getFieldValue('countyCode') as string | undefined;
            const region = regionCodeOf(changed.regionCode);
            if (county && region && !county.startsWith(regionPrefix(region))) {
              form.setFieldValue('countyCode', undefined);
            }
          }
          // The leader is a member already: not listed twice.
          if (changed.leaderTalentId && form.getFieldValue('members')?.includes(changed.leaderTalentId)) {
            form.setFieldValue(
              'members',
              (form.getFieldValue('members') as string[]).filter((id) => id !== changed.leaderTalentId),
            );
          }
        }}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('teams.name')} rules={nameRules(t)}>
              <Input maxLength={NAME_MAX} autoComplete="off" data-testid="team-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="kind"
              label={t('teams.kind')}
              rules={[{ required: true, message: t('teams.validation.kindRequired') }]}
            >
              <Select options={teamKindOptions(t)} data-testid="team-kind" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="regionCode"
          label={t('field.region')}
          extra={t('teams.form.regionHint')}
          rules={[{ required: true, message: t('validation.regionRequired') }]}
        >
          <RegionCascader allowClear={false} />
        </Form.Item>
        {combined && (
          <Pairing
            regions={recordForm.regions}
            region={regionCodeOf(regionPath)}
            station={
              team?.station ? { id: team.station.id, name: team.station.name, code: team.station.code } : null
            }
          />
        )}
        {combined && <CompositionRules />}
        <Form.Item
          name="leaderTalentId"
          label={t('teams.leader')}
          extra={t('teams.form.leaderHint')}
          rules={[{ required: true, message: t('teams.validation.leaderRequired') }]}
        >
          <ExpertSelect known={known} onSeen={remember} data-testid="team-leader" />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('teams.members')}
          extra={t('teams.form.membersHint')}
          rules={[
            {
              validator: async (_rule, value: string[] | undefined) => {
                if ((value ?? []).length > MEMBERS_MAX) {
                  throw new Error(t('teams.validation.tooManyMembers', { max: MEMBERS_MAX }));
                }
              },
            },
          ]}
        >
          <ExpertSelect
            multiple
            known={known}
            onSeen={remember}
            exclude={leader ? [leader] : []}
            data-testid="team-members"
          />
        </Form.Item>
        {roster.length > 0 && (
          <Form.Item label={t('teams.form.duties')} extra={t('teams.form.dutiesHint')}>
            <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="team-duties">
              {roster.map((id) => (
                <Row key={id} gutter={[8, 8]} align="middle" wrap={combined} data-testid="team-duty-row">
                  <Col flex="200px">
                    <Space size={6}>
                      <Typography.Text ellipsis style={{ maxWidth: 150 }}>
                        {known.get(id)?.name ?? id}
                      </Typography.Text>
                      {id === leader && (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                          {t('teams.leaderTag')}
                        </Tag>
                      )}
                    </Space>
                  </Col>
                  {combined && (
                    <Col flex="150px">
                      <Form.Item name={['roles', id]} noStyle initialValue="member">
                        <Select
                          options={memberRoleOptions(t)}
                          aria-label={t('teams.role')}
                          style={{ width: '100%' }}
                          data-testid="team-role"
                        />
                      </Form.Item>
                    </Col>
                  )}
                  <Col flex="auto">
                    <Form.Item
                      name={['duties', id]}
                      noStyle
                      rules={[
                        {
                          max: DUTY_MAX,
                          message: t('teams.validation.dutyTooLong', { max: DUTY_MAX }),
                        },
                      ]}
                    >
                      <Input
                        maxLength={DUTY_MAX}
                        allowClear
                        placeholder={t('teams.form.dutyPlaceholder')}
                        data-testid="team-duty"
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </Space>
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('teams.description')}
          rules={[
            {
              max: DESCRIPTION_MAX,
              message: t('validation.tooLong', {
                label: t('teams.description'),
                max: DESCRIPTION_MAX,
              }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={DESCRIPTION_MAX}
            showCount
            placeholder={t('teams.form.descriptionPlaceholder')}
            data-testid="team-description"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 团队名称: 2 to 60 characters once trimmed (mirrors the server). */
function nameRules(t: Translate): Rule[] {
  return [
    { required: true, whitespace: true, message: t('teams.validation.nameRequired') },
    {
      validator: async (_rule, value: unknown) => {
        const length = typeof value === 'string' ? value.trim().length : 0;
        if (length > 0 && (length < NAME_MIN || length > NAME_MAX)) {
          throw new Error(t('teams.validation.nameLength', { min: NAME_MIN, max: NAME_MAX }));
        }
      },
    },
  ];
}

/** The prefix a region's code shares with what lies within it: 33, 3305, 330522. */
function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The counties within a region (itself when it is one), from the division tree. */
function countiesWithin(tree: readonly RegionNode[] | undefined, region: string | undefined): RegionNode[] {
  if (!tree || !region) return [];
  const prefix = regionPrefix(region);
  const out: RegionNode[] = [];
  const walk = (nodes: readonly RegionNode[]) => {
    for (const node of nodes) {
      const code = String(node.value);
      if (node.children && node.children.length > 0) walk(node.children);
      else if (/^\d{6}$/.test(code) && !code.endsWith('00') && code.startsWith(prefix)) out.push(node);
    }
  };
  walk(tree);
  return out;
}

/** 结对县、主导产业、人才驿站: what a combined team is paired with. */
function Pairing({
  regions,
  region,
  station,
}: {
  regions: readonly RegionNode[] | undefined;
  region: string | undefined;
  station: { id: string; name: string; code: string } | null;
}) {
  const t = useT();
  const counties = useMemo(() => countiesWithin(regions, region), [regions, region]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="countyCode" label={t('teams.county')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={counties.map((c) => ({ value: String(c.value), label: c.label }))}
            notFoundContent={t('teams.form.noCounties')}
            data-testid="team-county"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="stationId" label={t('teams.station')}>
          <StationSelect current={station} data-testid="team-station" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="industryCode" label={t('teams.industry')} extra={t('teams.form.industryHint')}>
          <DictionarySelect kind="industry" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="industryName"
          label={t('teams.industryName')}
          rules={[
            {
              max: INDUSTRY_NAME_MAX,
              message: t('validation.tooLong', { label: t('teams.industryName'), max: INDUSTRY_NAME_MAX }),
            },
          ]}
        >
          <Input maxLength={INDUSTRY_NAME_MAX} allowClear data-testid="team-industry-name" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The composition rules in force (data, versioned), said above the members. */
function CompositionRules() {
  const t = useT();
  const rules = useCompositionRules('combined');
  if (!rules.data || rules.data.conditions.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('teams.form.rulesTitle', { version: rules.data.version ?? '' })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {rules.data.conditions.map((condition) => (
            <li key={condition}>{condition}</li>
          ))}
        </ul>
      }
      data-testid="team-composition-rules"
    />
  );
}
