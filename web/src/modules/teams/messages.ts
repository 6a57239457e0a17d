import type { Messages } from '../../app/bilingual.ts';

/** Service teams. Each key in Chinese and English. */
export const teamsMessages = {
  'teams.kind.assistance': { zh: '助企服务团', en: 'Enterprise assistance team' },
  'teams.kind.combined': { zh: '组合式人才帮扶团', en: 'Combined talent assistance team' },
  'teams.kind.commissioners': { zh: '科技特派员团队', en: 'Tech commissioner team' },
  'teams.kind.other': { zh: '其他服务团队', en: 'Other team' },
  'teams.name': { zh: '团队名称', en: 'Team name' },
  'teams.kind': { zh: '团队类型', en: 'Kind' },
  'teams.leader': { zh: '队长', en: 'Leader' },
  'teams.members': { zh: '团队成员', en: 'Members' },
  'teams.memberCount': { zh: '成员人数', en: 'Members' },
  'teams.description': { zh: '团队简介', en: 'About the team' },
  'teams.status': { zh: '状态', en: 'Status' },
  'teams.active': { zh: '在用', en: 'Active' },
  'teams.archived': { zh: '已归档', en: 'Archived' },
  'teams.memberName': { zh: '姓名', en: 'Name' },
  'teams.memberRole': { zh: '身份', en: 'Role' },
  'teams.duty': { zh: '职责', en: 'Duty' },
  'teams.leaderTag': { zh: '队长', en: 'Leader' },
  'teams.memberTag': { zh: '成员', en: 'Member' },
  'teams.create': { zh: '组建团队', en: 'Set up a team' },
  'teams.createTitle': { zh: '组建服务团队', en: 'Set up a service team' },
  'teams.editTitle': { zh: '编辑团队：{name}', en: 'Edit team: {name}' },
  'teams.created': { zh: '已组建“{name}”', en: '“{name}” set up' },
  'teams.updated': { zh: '团队已保存', en: 'Team saved' },
  'teams.searchPlaceholder': { zh: '团队名称或成员姓名', en: 'Team name or a member’s name' },
  'teams.withArchived': { zh: '显示已归档', en: 'Show archived' },
  'teams.help.manager': {
    zh: '本地区的常态化服务团队。服务订单可派给团队，由队长接单、成员参与服务；不再使用的团队可归档。',
    en: 'The region’s standing service teams. Orders can be dispatched to a team: its leader answers and its members serve. Archive teams no longer in use.',
  },
  'teams.help.reader': {
    zh: '本地区的服务团队及其队长和成员。团队由区域运营人员组建和调整。',
    en: 'The region’s service teams with their leaders and members. Region operators set them up and change them.',
  },
  'teams.archiveConfirm': {
    zh: '归档后该团队不再出现在列表中，也不再用于派单；勾选“显示已归档”可找回并恢复。确定归档？',
    en: 'An archived team leaves the list and is no longer dispatched to; tick “Show archived” to find and restore it. Archive it?',
  },
  'teams.restoreConfirm': {
    zh: '恢复后该团队将重新出现在列表中，可再次派单。确定恢复？',
    en: 'The team returns to the list and can be dispatched to again. Restore it?',
  },
  'teams.archivedDone': { zh: '团队已归档', en: 'Team archived' },
  'teams.restoredDone': { zh: '团队已恢复', en: 'Team restored' },
  'teams.noLeader': {
    zh: '该团队没有队长，请先编辑团队指定队长',
    en: 'The team has no leader; edit it and choose one first',
  },
  'teams.form.expertPlaceholder': { zh: '输入专家姓名或编号搜索', en: 'Type an expert’s name or code' },
  'teams.form.noExperts': { zh: '没有找到专家', en: 'No experts found' },
  'teams.form.regionHint': {
    zh: '团队所属的行政区划，默认为您所在的区域',
    en: 'The team’s administrative region; yours unless you choose another',
  },
  'teams.form.leaderHint': {
    zh: '队长接收派给团队的服务订单，也是团队成员',
    en: 'The leader answers orders dispatched to the team and is a member too',
  },
  'teams.form.membersHint': {
    zh: '可多选；输入姓名或编号搜索人才库中的专家',
    en: 'Choose any number; type a name or code to search the registry’s experts',
  },
  'teams.form.duties': { zh: '成员职责', en: 'Duties' },
  'teams.form.dutiesHint': {
    zh: '选填，如“技术顾问”“联络员”，每项不超过100字',
    en: 'Optional, e.g. “technical adviser”, “liaison”; up to 100 characters each',
  },
  'teams.form.dutyPlaceholder': { zh: '选填，如：技术顾问', en: 'Optional, e.g. technical adviser' },
  'teams.form.descriptionPlaceholder': {
    zh: '选填：团队的服务方向、走访安排等',
    en: 'Optional: what the team does, its visit schedule…',
  },
  'teams.validation.nameRequired': { zh: '请输入团队名称', en: 'Enter the team’s name' },
  'teams.validation.nameLength': {
    zh: '团队名称应为{min}至{max}个字',
    en: 'The name must have {min} to {max} characters',
  },
  'teams.validation.kindRequired': { zh: '请选择团队类型', en: 'Choose the kind of team' },
  'teams.validation.leaderRequired': { zh: '请选择队长', en: 'Choose the leader' },
  'teams.validation.tooManyMembers': { zh: '团队成员最多{max}人', en: 'A team has at most {max} members' },
  'teams.validation.dutyTooLong': {
    zh: '职责不能超过{max}个字',
    en: 'A duty may have at most {max} characters',
  },
} satisfies Messages<'teams'>;
