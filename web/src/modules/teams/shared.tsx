import { Tag } from 'antd';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import {
  isTeamKind,
  MEMBER_ROLE_NAMES,
  MEMBER_ROLES,
  type MemberRole,
  TEAM_KINDS,
  type TeamKind,
} from './types.ts';

/** The names of contract.ts TEAM_KIND_NAMES. */
const KIND_KEYS: Record<TeamKind, MessageKey> = {
  assistance: 'teams.kind.assistance',
  commissioners: 'teams.kind.commissioners',
  combined: 'teams.kind.combined',
  other: 'teams.kind.other',
};

const KIND_COLORS: Record<TeamKind, string> = {
  assistance: 'blue',
  commissioners: 'green',
  combined: 'purple',
  other: 'default',
};

export function teamKindLabel(t: Translate, kind: string): string {
  return isTeamKind(kind) ? t(KIND_KEYS[kind]) : kind;
}

export function teamKindOptions(t: Translate): { value: TeamKind; label: string }[] {
  return TEAM_KINDS.map((kind) => ({ value: kind, label: teamKindLabel(t, kind) }));
}

/** 助企服务团, 科技特派员团队, 其他服务团队 in their colours. */
export function TeamKindTag({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag color={isTeamKind(kind) ? KIND_COLORS[kind] : 'default'} style={{ marginInlineEnd: 0 }}>
      {teamKindLabel(t, kind)}
    </Tag>
  );
}

export function memberRoleOptions(t: Translate): { value: MemberRole; label: string }[] {
  return MEMBER_ROLES.map((role) => ({ value: role, label: t(MEMBER_ROLE_NAMES[role]) }));
}

const ROLE_COLORS: Record<MemberRole, string> = {
  chief: 'magenta',
  expert: 'blue',
  manager: 'cyan',
  member: 'default',
};

/** 首席专家, 专家, 技术经理人, 成员 in their colours. */
export function MemberRoleTag({ role }: { role: MemberRole }) {
  const t = useT();
  return (
    <Tag color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }} data-testid="team-member-role">
      {t(MEMBER_ROLE_NAMES[role])}
    </Tag>
  );
}
