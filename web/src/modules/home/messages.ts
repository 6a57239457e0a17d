import type { Messages } from '../../app/bilingual.ts';

/** The home page: what each role can do here. Each key in Chinese and English. */
export const homeMessages = {
  'home.greeting.night': { zh: '夜深了，{name}', en: 'Working late, {name}' },
  'home.greeting.morning': { zh: '上午好，{name}', en: 'Good morning, {name}' },
  'home.greeting.afternoon': { zh: '下午好，{name}', en: 'Good afternoon, {name}' },
  'home.greeting.evening': { zh: '晚上好，{name}', en: 'Good evening, {name}' },
  'home.intro': {
    zh: '欢迎使用才桥人才科技服务平台。先看等您处理的事项，再往下是您当前角色可以使用的功能。',
    en: 'Welcome to Caiqiao. First what waits for you, then what your role can do.',
  },
  'home.workbench': { zh: '工作台 · 待办', en: 'Workbench' },
  'home.workbenchHelp': {
    zh: '数字是当前等您处理的记录数，点击直接打开已筛选好的列表。',
    en: 'Each number is how many records wait for you; click it to open the list, already filtered.',
  },

  'home.workbenchFixes': { zh: '导入数据待修正', en: 'Imported values to fix' },
  'home.task.demands.draft': { zh: '我的需求 · 草稿', en: 'My demands · drafts' },
  'home.task.demands.draft.hint': {
    zh: '还未提交审核的技术需求，完善后提交',
    en: 'Technical demands not yet submitted for review',
  },
  'home.task.demands.submitted': { zh: '我的需求 · 待审核', en: 'My demands · under review' },
  'home.task.demands.submitted.hint': {
    zh: '已提交、等待运营人员审核发布的技术需求',
    en: 'Submitted technical demands waiting for an operator to publish them',
  },
  'home.task.demands.published': { zh: '我的需求 · 已发布', en: 'My demands · published' },
  'home.task.demands.published.hint': {
    zh: '已公开的技术需求，可为其点单请专家服务',
    en: 'Published technical demands: order expert help for them',
  },
  'home.task.orders.confirm': { zh: '待确认办结', en: 'Orders to confirm' },
  'home.task.orders.confirm.hint': {
    zh: '专家已完成服务、等待本单位确认并评价的订单',
    en: 'Services finished, waiting for your confirmation and rating',
  },
  'home.task.orders.answer': { zh: '待我接单', en: 'Offers to answer' },
  'home.task.orders.answer.hint': {
    zh: '派给您的服务订单，请在时限内接单或拒单',
    en: 'Orders offered to you: accept or decline before the deadline',
  },
  'home.task.orders.serve': { zh: '服务中 · 待登记', en: 'Serving · visits to log' },
  'home.task.orders.serve.hint': {
    zh: '您已接单或正在服务的订单，上门后登记服务记录',
    en: 'Orders you accepted or are serving: log each visit',
  },
  'home.task.orders.institutionDispatch': { zh: '待派给本机构专家', en: 'To dispatch to our experts' },
  'home.task.orders.institutionDispatch.hint': {
    zh: '派到本机构、还没有专家待接的订单，请选派专家',
    en: 'Orders sent to your institution with no expert offered yet',
  },
  'home.task.orders.institutionOffered': { zh: '待本机构专家接单', en: 'Awaiting our experts' },
  'home.task.orders.institutionOffered.hint': {
    zh: '已派给本机构专家、等待其接单的订单',
    en: 'Orders offered to your experts, waiting for their answer',
  },
  'home.task.orders.placed': { zh: '待派单', en: 'To dispatch' },
  'home.task.orders.placed.hint': {
    zh: '企业已点单、等待派给专家、机构或服务团队的订单',
    en: 'Orders placed by enterprises, waiting to be dispatched',
  },
  'home.task.orders.overdue': { zh: '环节超时', en: 'Overdue steps' },
  'home.task.orders.overdue.hint': {
    zh: '当前环节已超过时限的订单，需要督办',
    en: 'Orders whose current step is past its deadline: follow them up',
  },
  'home.task.review.demands': { zh: '技术需求待审核', en: 'Technical demands to review' },
  'home.task.review.demands.hint': {
    zh: '企业、机构提交的技术需求，审核通过后发布',
    en: 'Submitted technical demands: publish or send back',
  },
  'home.task.review.talent-demands': { zh: '人才需求待审核', en: 'Talent demands to review' },
  'home.task.review.talent-demands.hint': {
    zh: '提交的人才需求，审核通过后发布',
    en: 'Submitted talent demands: publish or send back',
  },
  'home.task.review.achievements': { zh: '科技成果待审核', en: 'Achievements to review' },
  'home.task.review.achievements.hint': {
    zh: '提交的科技成果，审核通过后发布',
    en: 'Submitted achievements: publish or send back',
  },
  'home.task.activities.week': { zh: '本周活动', en: 'Activities this week' },
  'home.task.activities.week.hint': {
    zh: '本周（周一至周日）举行的活动：报名审核、签到与成效',
    en: 'Activities held this week (Monday to Sunday): registrations, check-in, outcomes',
  },
  'home.task.activities.myWeek': { zh: '我本周的活动', en: 'My activities this week' },
  'home.task.activities.myWeek.hint': {
    zh: '您已报名、本周举行的活动',
    en: 'Activities you registered for that take place this week',
  },
  'home.task.flagged.demands': { zh: '技术需求 · 待修正', en: 'Technical demands · to fix' },
  'home.task.flagged.demands.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的记录',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.talent-demands': { zh: '人才需求 · 待修正', en: 'Talent demands · to fix' },
  'home.task.flagged.talent-demands.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的记录',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.achievements': { zh: '科技成果 · 待修正', en: 'Achievements · to fix' },
  'home.task.flagged.achievements.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的记录',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.talents': { zh: '人才库 · 待修正', en: 'Talents · to fix' },
  'home.task.flagged.talents.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的档案',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.enterprises': { zh: '企业库 · 待修正', en: 'Enterprises · to fix' },
  'home.task.flagged.enterprises.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的档案',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.institutions': { zh: '机构库 · 待修正', en: 'Institutions · to fix' },
  'home.task.flagged.institutions.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的档案',
    en: 'Records with values no code list knew on import',
  },
  'home.task.flagged.stations': { zh: '驿站库 · 待修正', en: 'Stations · to fix' },
  'home.task.flagged.stations.hint': {
    zh: '导入时有值未在数据字典中找到、需要修正的档案',
    en: 'Records with values no code list knew on import',
  },
  'home.myOrder': { zh: '我的订单 · {status}', en: 'My order · {status}' },
  'home.capabilities': { zh: '您可以', en: 'What you can do' },
  'home.noCapabilities': { zh: '您的角色暂未开通管理功能', en: 'Your role has no management functions yet' },
  'home.cap.usersRead': { zh: '查看用户', en: 'View users' },
  'home.cap.usersReadDesc': {
    zh: '查看管辖范围内的账户及其状态',
    en: 'See the accounts in your area and their status',
  },
  'home.cap.usersManage': { zh: '管理用户', en: 'Manage users' },
  'home.cap.usersManageDesc': {
    zh: '创建、编辑、停用账户并重置密码',
    en: 'Create, edit and disable accounts, and reset passwords',
  },
  'home.cap.rolesRead': { zh: '查看角色权限', en: 'View roles and permissions' },
  'home.cap.rolesReadDesc': { zh: '查看各角色拥有的权限', en: 'See which permissions each role holds' },
  'home.cap.rolesManage': { zh: '配置角色权限', en: 'Edit role permissions' },
  'home.cap.rolesManageDesc': { zh: '为各角色授予或收回权限', en: 'Grant and withdraw permissions per role' },
  'home.cap.organisationsRead': { zh: '查看组织', en: 'View organisations' },
  'home.cap.organisationsReadDesc': {
    zh: '查看机构、企业等组织信息',
    en: 'See institutions, enterprises and other organisations',
  },
  'home.cap.organisationsManage': { zh: '管理组织', en: 'Manage organisations' },
  'home.cap.organisationsManageDesc': {
    zh: '登记和维护机构、企业等组织',
    en: 'Register and maintain institutions, enterprises and others',
  },
  'home.cap.registryManage': { zh: '维护人才、企业、机构和驿站库', en: 'Maintain the registries' },
  'home.cap.registryManageDesc': {
    zh: '新建、编辑、批量导入和导出档案，修正导入时标记的数据',
    en: 'Create, edit, import and export records; fix values flagged on import',
  },
  'home.cap.registryRead': { zh: '查看人才、企业、机构和驿站库', en: 'Browse the registries' },
  'home.cap.registryReadDesc': {
    zh: '按地区、行业、学科筛选和检索，导出当前筛选结果',
    en: 'Filter by region, industry and discipline, search, and export what is filtered',
  },
  'home.cap.dictionaries': { zh: '维护数据字典', en: 'Maintain the code lists' },
  'home.cap.dictionariesDesc': {
    zh: '行业、学科、职称、荣誉、资质等代码表的编辑与导入',
    en: 'Edit and import industries, disciplines, titles, honours and qualifications',
  },
  'home.cap.profile': { zh: '维护我的档案', en: 'Keep my profile' },
  'home.cap.profileDesc': {
    zh: '更新研究方向、代表成果、联系方式等信息',
    en: 'Update research interests, representative work and contact details',
  },
  'home.cap.auditRead': { zh: '查看审计日志', en: 'Read the audit log' },
  'home.cap.auditReadDesc': {
    zh: '查阅操作记录并校验日志哈希链',
    en: 'Review recorded actions and verify the log’s hash chain',
  },
  'home.cap.scopeAll': { zh: '跨区域查看', en: 'See all regions' },
  'home.cap.scopeAllDesc': {
    zh: '查看全平台所有区域的数据',
    en: 'See data from every region of the platform',
  },
  'home.cap.personalReveal': { zh: '查看完整个人信息', en: 'See unmasked personal data' },
  'home.cap.personalRevealDesc': {
    zh: '查看未脱敏的身份证号、手机号',
    en: 'See full ID numbers and mobile numbers',
  },
  'home.cap.account': { zh: '我的账户', en: 'My account' },
  'home.cap.accountDesc': {
    zh: '查看个人资料，设置消息提醒邮箱，修改登录密码',
    en: 'See your profile, set your e-mail for messages and change your password',
  },

  'home.cap.listsManage': { zh: '审核与维护需求、成果', en: 'Review and curate the lists' },
  'home.cap.listsManageDesc': {
    zh: '审核发布技术需求、人才需求和科技成果，批量导入和导出',
    en: 'Review and publish technical demands, talent demands and achievements; import and export them',
  },
  'home.cap.listsSubmit': { zh: '发布需求或成果', en: 'Post demands or achievements' },
  'home.cap.listsSubmitDesc': {
    zh: '发布技术需求、人才需求或科技成果，审核通过后公开',
    en: 'Post technical demands, talent demands or achievements; they are public once approved',
  },
  'home.cap.listsRead': { zh: '查看需求与成果', en: 'View demands and achievements' },
  'home.cap.listsReadDesc': {
    zh: '按地区、行业、学科筛选技术需求、人才需求和科技成果',
    en: 'Filter technical demands, talent demands and achievements by region, industry and discipline',
  },
  'home.cap.matching': { zh: '智能匹配', en: 'Matching' },
  'home.cap.matchingDesc': {
    zh: '为需求找专家和成果，为专家找需求，并说明匹配依据',
    en: 'Find experts and achievements for demands, demands for experts, and see why they fit',
  },

  'home.cap.ordersManage': { zh: '派单与督办', en: 'Dispatch and oversee' },
  'home.cap.ordersManageDesc': {
    zh: '把企业点的服务订单派给专家、机构或服务团队，跟踪各环节时限与用时',
    en: 'Dispatch the orders enterprises place to experts, institutions or teams; follow step deadlines and times',
  },
  'home.cap.ordersAct': { zh: '服务订单', en: 'Service orders' },
  'home.cap.ordersActDesc': {
    zh: '企业为技术需求点单，专家接单、登记服务记录，服务完成后企业确认并评价',
    en: 'Enterprises order help for their demands; experts accept, log visits, and the enterprise confirms and rates',
  },

  'home.cap.teamsManage': { zh: '组建服务团队', en: 'Set up service teams' },
  'home.cap.teamsManageDesc': {
    zh: '组建助企服务团、科技特派员团队，指定队长和成员及其职责',
    en: 'Set up enterprise assistance and tech commissioner teams: a leader, members and their duties',
  },
  'home.cap.teamsRead': { zh: '服务团队', en: 'Service teams' },
  'home.cap.teamsReadDesc': {
    zh: '查看本地区的服务团队、队长和成员',
    en: 'See the region’s service teams, their leaders and members',
  },

  'home.cap.activitiesManage': { zh: '举办活动', en: 'Run activities' },
  'home.cap.activitiesManageDesc': {
    zh: '组织项目对接会、招聘会、培训班等活动：报名审核、扫码签到、一对一洽谈排程和成效登记',
    en: 'Hold matchmaking meetings, job fairs, training classes and more: approve registrations, check people in by QR code, schedule 1:1 meetings, record outcomes',
  },
  'home.cap.activitiesJoin': { zh: '参加活动', en: 'Take part in activities' },
  'home.cap.activitiesJoinDesc': {
    zh: '报名参加对接会、招聘会、培训班等活动，查看签到二维码和洽谈安排',
    en: 'Register for matchmaking meetings, job fairs and classes; show your check-in QR code and see your meetings',
  },
  'home.cap.activitiesRead': { zh: '查看活动', en: 'Activities' },
  'home.cap.activitiesReadDesc': { zh: '查看本地区的活动安排', en: 'See the activities of your region' },
  'home.cap.insights': { zh: '数据看板', en: 'Statistics' },
  'home.cap.insightsDesc': {
    zh: '查看本地区各项工作数据、同比环比与趋势，逐项追溯到记录，导出报表和工作简报',
    en: 'See your region’s figures with year-on-year changes and trends, trace each to its records, export tables and the work report',
  },
} satisfies Messages<'home'>;
