/**
 * Every string the interface shows, in Chinese (the default) and English. Each module keeps its
 * own in its messages.ts (keys named after the module, each key's two languages side by side);
 * this file holds the shell's own and gathers them all. `{name}` placeholders are filled by
 * t(key, params). An entry without both languages, or a key outside its file's prefixes, fails
 * the typecheck.
 */

import { accountMessages } from '../modules/account/messages.ts';
import { activitiesMessages } from '../modules/activities/messages.ts';
import { auditMessages } from '../modules/audit/messages.ts';
import { authMessages } from '../modules/auth/messages.ts';
import { homeMessages } from '../modules/home/messages.ts';
import { insightsMessages } from '../modules/insights/messages.ts';
import { listsMessages } from '../modules/lists/messages.ts';
import { matchingMessages } from '../modules/matching/messages.ts';
import { notificationsMessages } from '../modules/notifications/messages.ts';
import { ordersMessages } from '../modules/orders/messages.ts';
import { profileMessages } from '../modules/profile/messages.ts';
import { registryMessages } from '../modules/registry/messages.ts';
import { standingMessages } from '../modules/standing/messages.ts';
import { teamsMessages } from '../modules/teams/messages.ts';
import { usersMessages } from '../modules/users/messages.ts';
import type { Messages } from './bilingual.ts';

export type Locale = 'zh-CN' | 'en-US';

/**
 * The app shell's own texts and what every page shares: common words, errors, the menu, field
 * names (forms and the audit log's changes), form checks, QR scanning, the import wizard.
 */
const appMessages = {
  'app.name': { zh: '才桥', en: 'Caiqiao 才桥' },
  'app.shortName': { zh: '才桥', en: 'Caiqiao' },
  'app.tagline': { zh: '人才科技服务平台', en: 'Talent & technology services platform' },
  'app.pageLoadFailed': {
    zh: '页面未能加载，请检查网络后重新加载',
    en: 'The page could not be loaded; check your connection and reload',
  },

  'lang.zh': { zh: '中文', en: '中文' },
  'lang.en': { zh: 'English', en: 'English' },
  'lang.switchTitle': { zh: '切换语言', en: 'Switch language' },

  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.backHome': { zh: '返回首页', en: 'Back to home' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.confirm': { zh: '确定', en: 'OK' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.search': { zh: '查询', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.none': { zh: '无', en: 'None' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.total': { zh: '共 {total} 条', en: '{total} in total' },
  'common.create': { zh: '新建', en: 'New' },
  'common.import': { zh: '导入', en: 'Import' },
  'common.view': { zh: '查看', en: 'View' },
  'common.backToList': { zh: '返回列表', en: 'Back to the list' },
  'common.exportXlsx': { zh: '导出 Excel', en: 'Export Excel' },
  'common.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },
  'common.exported': { zh: '已导出 {count} 条记录', en: '{count} records exported' },
  'common.exportedFile': { zh: '已下载 {file}', en: '{file} downloaded' },
  'common.totalCapped': {
    zh: '超过 {total} 条，请缩小筛选范围',
    en: 'More than {total}; narrow the filters',
  },
  'common.reload': { zh: '重新加载', en: 'Reload' },
  'common.conflictHint': {
    zh: '请重新加载后再修改，您刚才的修改不会被保存。',
    en: 'Reload and make your changes again; the ones you just made were not saved.',
  },
  'common.conflictReloaded': {
    zh: '{message}（已重新加载最新数据，可再试一次）',
    en: '{message} (the latest data has been loaded; try again)',
  },

  'error.network': {
    zh: '无法连接服务器，请检查网络后重试',
    en: 'Cannot reach the server; check your connection and try again',
  },
  'error.http': {
    zh: '服务器返回错误（{status}），请稍后重试',
    en: 'The server answered with an error ({status}); try again later',
  },
  'error.unknown': { zh: '发生未知错误，请稍后重试', en: 'Something went wrong; try again later' },
  'error.loadFailed': { zh: '数据加载失败', en: 'Could not load the data' },
  'error.forbiddenTitle': { zh: '无权访问', en: 'Access denied' },
  'error.forbiddenPage': {
    zh: '您的角色没有访问此页面的权限。如需开通，请联系平台管理员。',
    en: 'Your role may not open this page. Ask a platform administrator if you need it.',
  },

  'notFound.title': { zh: '页面不存在', en: 'Page not found' },
  'notFound.description': {
    zh: '您访问的页面不存在或已被移除。',
    en: 'The page you asked for does not exist or has been removed.',
  },

  'menu.open': { zh: '打开菜单', en: 'Open the menu' },
  'menu.home': { zh: '首页', en: 'Home' },
  'menu.users': { zh: '用户管理', en: 'Users' },
  'menu.roles': { zh: '角色权限', en: 'Roles & permissions' },
  'menu.audit': { zh: '审计日志', en: 'Audit log' },
  'menu.account': { zh: '我的账户', en: 'My account' },

  'auth.signOut': { zh: '退出登录', en: 'Sign out' },
  'auth.signedOut': { zh: '您已安全退出', en: 'You have signed out' },

  'region.placeholder': { zh: '请选择省 / 市 / 区县', en: 'Province / city / county' },
  'region.loadFailed': { zh: '行政区划加载失败', en: 'Could not load the administrative divisions' },

  'field.username': { zh: '用户名', en: 'Username' },
  'field.displayName': { zh: '姓名', en: 'Name' },
  'field.mobile': { zh: '手机号', en: 'Mobile' },
  'field.role': { zh: '角色', en: 'Role' },
  'field.region': { zh: '所属区域', en: 'Region' },
  'field.regionCode': { zh: '区域代码', en: 'Region code' },
  'field.organisation': { zh: '所属机构', en: 'Organisation' },
  'field.organisationId': { zh: '所属机构', en: 'Organisation' },
  'field.disabled': { zh: '已停用', en: 'Disabled' },
  'field.permissions': { zh: '权限', en: 'Permissions' },
  'field.password': { zh: '密码', en: 'Password' },
  'field.passwordHash': { zh: '密码', en: 'Password' },
  'field.lockedUntil': { zh: '锁定至', en: 'Locked until' },
  'field.lastLoginAt': { zh: '最近登录', en: 'Last sign-in' },
  'field.failedLogins': { zh: '登录失败次数', en: 'Failed sign-ins' },
  'field.name': { zh: '名称', en: 'Name' },

  'validation.usernameRequired': { zh: '请输入用户名', en: 'Enter a username' },
  'validation.usernameInvalid': {
    zh: '用户名为3至32位字母、数字、下划线、点或连字符',
    en: 'Username must be 3–32 letters, digits, underscores, dots or hyphens',
  },
  'validation.usernameHint': {
    zh: '3至32位字母、数字、下划线、点或连字符，创建后不可修改',
    en: '3–32 letters, digits, underscores, dots or hyphens; cannot be changed later',
  },
  'validation.displayNameRequired': { zh: '请输入姓名', en: 'Enter a name' },
  'validation.displayNameTooLong': {
    zh: '姓名不能超过64个字符',
    en: 'The name may have at most 64 characters',
  },
  'validation.mobileInvalid': {
    zh: '手机号码格式不正确（应为11位中国大陆手机号）',
    en: 'Not a valid mainland China mobile number',
  },
  'validation.roleRequired': { zh: '请选择角色', en: 'Choose a role' },
  'validation.regionRequired': { zh: '请选择所属区域', en: 'Choose a region' },
  'validation.currentPasswordRequired': { zh: '请输入当前密码', en: 'Enter your current password' },
  'validation.passwordRequired': { zh: '请输入密码', en: 'Enter a password' },
  'validation.passwordTooLong': {
    zh: '密码不能超过128个字符',
    en: 'The password may have at most 128 characters',
  },
  'validation.passwordWeak': {
    zh: '密码至少10位，且须同时包含字母和数字',
    en: 'Password must be at least 10 characters and contain letters and digits',
  },
  'validation.passwordHint': {
    zh: '至少10位，须同时包含字母和数字',
    en: 'At least 10 characters, with letters and digits',
  },
  'validation.confirmRequired': { zh: '请再次输入新密码', en: 'Enter the new password again' },
  'validation.confirmMismatch': { zh: '两次输入的密码不一致', en: 'The two passwords do not match' },
  'qr.camera': { zh: '摄像头扫码', en: 'Scan with camera' },
  'qr.image': { zh: '识别图片', en: 'Read a picture' },
  'qr.cameraTitle': { zh: '摄像头扫码', en: 'Scan with camera' },
  'qr.cameraHint': {
    zh: '将二维码对准画面中央，识别后自动签到；可连续扫描下一位。',
    en: 'Hold the QR code in the middle of the picture; each code read is checked in, one after another.',
  },
  'qr.cameraUnavailable': {
    zh: '无法打开摄像头：浏览器不支持或未获授权（须在 HTTPS 或本机地址下使用）。可改用扫码枪、识别图片或按姓名查找。',
    en: 'The camera cannot be opened: the browser does not support it or was not allowed (it needs HTTPS or this computer’s own address). Use a scanner, a picture or the name search instead.',
  },
  'qr.notFound': {
    zh: '图片中没有找到二维码，请换一张更清晰、二维码完整的照片。',
    en: 'No QR code was found in the picture; try a sharper one showing the whole code.',
  },

  'menu.talents': { zh: '人才库', en: 'Talents' },
  'menu.enterprises': { zh: '企业库', en: 'Enterprises' },
  'menu.institutions': { zh: '机构库', en: 'Institutions' },
  'menu.stations': { zh: '人才驿站', en: 'Talent stations' },
  'menu.dictionaries': { zh: '数据字典', en: 'Code lists' },
  'menu.profile': { zh: '我的档案', en: 'My profile' },

  'field.code': { zh: '编号', en: 'Code' },
  'field.kind': { zh: '类型', en: 'Kind' },
  'field.gender': { zh: '性别', en: 'Gender' },
  'field.birthYear': { zh: '出生年份', en: 'Birth year' },
  'field.education': { zh: '学历', en: 'Education' },
  'field.title': { zh: '职称', en: 'Title' },
  'field.titleLevel': { zh: '职称级别', en: 'Title grade' },
  'field.employerName': { zh: '工作单位', en: 'Employer' },
  'field.disciplines': { zh: '学科领域', en: 'Disciplines' },
  'field.industries': { zh: '行业领域', en: 'Industries' },
  'field.researchInterests': { zh: '研究方向', en: 'Research interests' },
  'field.representativeWork': { zh: '代表成果', en: 'Representative work' },
  'field.honours': { zh: '荣誉称号', en: 'Honours' },
  'field.honourLevel': { zh: '人才层次', en: 'Talent level' },
  'field.tags': { zh: '标签', en: 'Tags' },
  'field.isExpert': { zh: '专家', en: 'Expert' },
  'field.email': { zh: '邮箱', en: 'Email' },
  'field.idNumber': { zh: '身份证号', en: 'ID number' },
  'field.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'field.cluster': { zh: '主导产业', en: 'Leading industry' },
  'field.size': { zh: '企业规模', en: 'Size' },
  'field.qualifications': { zh: '企业资质', en: 'Qualifications' },
  'field.contactName': { zh: '联系人', en: 'Contact' },
  'field.contactMobile': { zh: '联系电话', en: 'Contact mobile' },
  'field.contactEmail': { zh: '联系邮箱', en: 'Contact email' },
  'field.address': { zh: '地址', en: 'Address' },
  'field.description': { zh: '简介', en: 'Description' },
  'field.hostName': { zh: '依托单位', en: 'Host organisation' },
  'field.liaisonName': { zh: '联络员', en: 'Liaison' },
  'field.liaisonMobile': { zh: '联络员电话', en: 'Liaison mobile' },
  'field.expertCount': { zh: '专家数', en: 'Experts' },
  'field.flags': { zh: '标记', en: 'Flags' },
  'field.createdAt': { zh: '创建时间', en: 'Created' },
  'field.updatedAt': { zh: '更新时间', en: 'Updated' },

  'import.title': { zh: '导入{name}', en: 'Import into {name}' },
  'import.backTo': { zh: '返回{name}', en: 'Back to {name}' },
  'import.step.choose': { zh: '选择文件', en: 'Choose a file' },
  'import.step.preview': { zh: '校验预览', en: 'Check' },
  'import.step.commit': { zh: '确认导入', en: 'Import' },
  'import.intro': { zh: '请按导入模板填写后上传', en: 'Fill in the import template and upload it' },
  'import.introDetail': {
    zh: '支持 .xlsx 和 .csv 文件。上传后先校验预览，不会写入任何数据；确认后才导入。编号已存在的记录将更新，新编号将新增；字典中没有的值会按原文保留并标记。',
    en: '.xlsx and .csv files are accepted. Uploading only checks the file and writes nothing; the rows are imported when you confirm. Existing codes are updated, new codes added; values the code lists do not know are kept as written and flagged.',
  },
  'import.template': { zh: '下载导入模板', en: 'Download the template' },
  'import.drop': { zh: '点击或将文件拖到此处', en: 'Click or drop a file here' },
  'import.dropHint': {
    zh: '支持 .xlsx、.csv，单个文件不超过 {limitMb} MB',
    en: '.xlsx or .csv, at most {limitMb} MB',
  },
  'import.fileType': {
    zh: '不支持的文件类型“{name}”，请上传 .xlsx 或 .csv 文件',
    en: 'Unsupported file “{name}”: upload an .xlsx or .csv file',
  },
  'import.fileEmpty': { zh: '文件为空，请检查后重新选择', en: 'The file is empty' },
  'import.fileTooLarge': {
    zh: '文件过大（上限 {limitMb} MB），请拆分后分批导入',
    en: 'File too large (limit {limitMb} MB); split it and import in parts',
  },
  'import.upload': { zh: '上传并校验', en: 'Upload and check' },
  'import.uploadFailed': { zh: '文件未通过校验', en: 'The file could not be checked' },
  'import.file': { zh: '文件：{name}', en: 'File: {name}' },
  'import.summary.total': { zh: '总行数', en: 'Rows' },
  'import.summary.valid': { zh: '可导入', en: 'Valid' },
  'import.summary.toCreate': { zh: '将新增', en: 'To add' },
  'import.summary.toUpdate': { zh: '将更新', en: 'To update' },
  'import.summary.flagged': { zh: '有标记', en: 'Flagged' },
  'import.summary.rejected': { zh: '被拒绝', en: 'Rejected' },
  'import.ignoredHeaders': {
    zh: '以下列不在模板中，已忽略：{headers}',
    en: 'Columns not in the template were ignored: {headers}',
  },
  'import.rejectedNote': {
    zh: '{count} 行被拒绝，不会导入；如需导入请修正后重新上传',
    en: '{count} rows were rejected and will not be imported; correct them and upload again',
  },
  'import.flaggedNote': {
    zh: '{count} 行有标记：将照常导入，未识别的值按原文保留，导入后可用“仅看有标记”筛选修正',
    en: '{count} rows are flagged: they are imported with unrecognised values kept as written; filter by “Flagged only” to fix them later',
  },
  'import.filter.all': { zh: '全部（{count}）', en: 'All ({count})' },
  'import.filter.rejected': { zh: '被拒绝（{count}）', en: 'Rejected ({count})' },
  'import.filter.flagged': { zh: '有标记（{count}）', en: 'Flagged ({count})' },
  'import.reportTruncated': {
    zh: '仅列出前 {shown} 行，共 {total} 行有问题',
    en: 'Showing the first {shown} of {total} rows with issues',
  },
  'import.rowNumber': { zh: '行号', en: 'Row' },
  'import.status': { zh: '结果', en: 'Result' },
  'import.rejected': { zh: '拒绝', en: 'Rejected' },
  'import.flagged': { zh: '标记', en: 'Flagged' },
  'import.issues': { zh: '问题', en: 'Issues' },
  'import.issue': { zh: '{column}：{message}（{value}）', en: '{column}: {message} ({value})' },
  'import.issueNoValue': { zh: '{column}：{message}', en: '{column}: {message}' },
  'import.chooseAgain': { zh: '重新选择文件', en: 'Choose another file' },
  'import.commit': { zh: '确认导入 {count} 行', en: 'Import {count} rows' },
  'import.committing': {
    zh: '正在导入：{processed} / {total} 行',
    en: 'Importing: {processed} of {total} rows',
  },
  'import.done': { zh: '导入完成', en: 'Import complete' },
  'import.doneDetail': {
    zh: '新增 {created} 条，更新 {updated} 条',
    en: '{created} added, {updated} updated',
  },
  'import.doneRejected': {
    zh: '{count} 行未导入，原因见下表；修正后可再次上传这些行',
    en: '{count} rows were not imported (reasons below); correct them and upload those rows again',
  },
  'import.another': { zh: '继续导入其他文件', en: 'Import another file' },
  'import.failed': { zh: '导入失败', en: 'Import failed' },
  'import.failedPartial': {
    zh: '失败前已处理 {processed} 行（新增 {created} 条，更新 {updated} 条），这些记录已保存',
    en: '{processed} rows were processed before the failure ({created} added, {updated} updated) and have been kept',
  },

  'menu.lists': { zh: '需求与成果', en: 'Demands & offers' },
  'menu.demands': { zh: '技术需求', en: 'Tech demands' },
  'menu.talentDemands': { zh: '人才需求', en: 'Talent demands' },
  'menu.achievements': { zh: '科技成果', en: 'Achievements' },
  'menu.matching': { zh: '智能匹配', en: 'Matching' },

  'field.keywords': { zh: '关键词', en: 'Keywords' },
  'field.cooperationModes': { zh: '合作方式', en: 'Cooperation modes' },
  'field.deadline': { zh: '截止日期', en: 'Deadline' },
  'field.headcount': { zh: '需求人数', en: 'Headcount' },
  'field.terms': { zh: '合作条件', en: 'Terms' },
  'field.stage': { zh: '成熟度', en: 'Stage' },
  'field.trl': { zh: '技术就绪度', en: 'Technology readiness' },
  'field.patents': { zh: '专利号', en: 'Patents' },
  'field.fieldText': { zh: '所属领域', en: 'Field' },

  'menu.orders': { zh: '服务订单', en: 'Service orders' },
  'menu.orderList': { zh: '订单列表', en: 'Orders' },
  'menu.orderBoard': { zh: '派单看板', en: 'Dispatch board' },
  'menu.inbox': { zh: '站内消息', en: 'Messages' },

  'menu.teams': { zh: '服务团队', en: 'Service teams' },
  'menu.standing': { zh: '常态化服务', en: 'Standing service' },
  'menu.commissioners': { zh: '科技特派员', en: 'Tech commissioners' },
  'menu.rounds': { zh: '选派轮次', en: 'Pairing rounds' },
  'menu.portfolio': { zh: '特派员服务台账', en: 'Commissioner portfolio' },
  'menu.duties': { zh: '联系服务', en: 'Contact duties' },

  'validation.emailRequired': { zh: '请输入电子邮箱', en: 'Enter an e-mail address' },
  'validation.emailInvalid': { zh: '电子邮箱格式不正确', en: 'Not a valid e-mail address' },
  'validation.emailTooLong': {
    zh: '电子邮箱不能超过{max}个字符',
    en: 'An e-mail address may have at most {max} characters',
  },
  'validation.tooLong': { zh: '{label}不能超过{max}个字符', en: '{label} may have at most {max} characters' },

  'menu.activities': { zh: '活动', en: 'Activities' },

  // A visit's photos and files (app/visitFiles.tsx): orders' service visits, teams' planned visits.
  'files.upload': { zh: '上传附件', en: 'Attach a file' },
  'files.none': { zh: '暂无附件', en: 'No files' },
  'files.uploaded': { zh: '已上传 {name}', en: '{name} attached' },
  'files.tooLarge': { zh: '{name} 超过 10 MB，无法上传', en: '{name} is larger than 10 MB' },
  'files.camera': { zh: '拍照', en: 'Take a photo' },
  'files.choose': { zh: '选择文件', en: 'Choose files' },
  'files.remove': { zh: '移除 {name}', en: 'Remove {name}' },
  'files.failed': { zh: '{name} 上传失败：{message}', en: '{name} was not attached: {message}' },
  'files.tooMany': { zh: '每条记录最多 {max} 个附件', en: 'At most {max} files per visit' },
  'menu.insights': { zh: '数据看板', en: 'Statistics' },
} satisfies Messages<
  | 'app'
  | 'lang'
  | 'common'
  | 'error'
  | 'notFound'
  | 'menu'
  | 'auth'
  | 'field'
  | 'region'
  | 'validation'
  | 'qr'
  | 'import'
  | 'files'
>;

/** Each module's keys start with its own prefixes, so no two files can hold the same key. */
export const messages = {
  ...appMessages,
  ...authMessages,
  ...homeMessages,
  ...usersMessages,
  ...auditMessages,
  ...accountMessages,
  ...profileMessages,
  ...notificationsMessages,
  ...registryMessages,
  ...listsMessages,
  ...matchingMessages,
  ...teamsMessages,
  ...standingMessages,
  ...ordersMessages,
  ...activitiesMessages,
  ...insightsMessages,
};

export type MessageKey = keyof typeof messages;
