import { defineErrors } from '../http/app-error.ts';

export const ioError = defineErrors({
  IMPORT_FILE_TYPE: {
    status: 400,
    zh: '不支持的文件类型“{name}”，请上传 .xlsx 或 .csv 文件',
    en: 'Unsupported file "{name}": upload an .xlsx or .csv file',
  },
  IMPORT_FILE_EMPTY: { status: 400, zh: '文件为空或没有数据行', en: 'The file is empty or has no data rows' },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    zh: '文件过大（上限 {limitMb} MB），请拆分后分批导入',
    en: 'File too large (limit {limitMb} MB); split it and import in parts',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    zh: '无法读取文件：{reason}',
    en: 'The file cannot be read: {reason}',
  },
  IMPORT_HEADERS_MISSING: {
    status: 400,
    zh: '缺少必填列：{headers}。请使用导入模板',
    en: 'Required columns missing: {headers}. Use the import template',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '行数超过上限 {limit} 行，请拆分后分批导入',
    en: 'More than {limit} rows; split the file',
  },
  IMPORT_JOB_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'Import job not found' },
  IMPORT_JOB_STATE: {
    status: 409,
    zh: '导入任务当前状态为“{status}”，不能提交',
    en: 'The import job is "{status}" and cannot be committed',
  },
  UPLOAD_MALFORMED: {
    status: 400,
    zh: '上传的内容不完整或格式有误（不是有效的 multipart/form-data），请重新选择文件上传',
    en: 'The upload is incomplete or malformed (not valid multipart/form-data); choose the file and upload it again',
  },
  IMPORT_JOB_CLOSED: {
    status: 409,
    zh: '导入任务当前状态为“{status}”，已不能放弃',
    en: 'The import job is "{status}" and can no longer be abandoned',
  },
  IMPORT_KIND_UNKNOWN: { status: 400, zh: '未知的导入类型', en: 'Unknown import kind' },
});
