import { defineErrors } from '../http/app-error.ts';

/** Errors of opening the database, backups and restores (met by operators at the command line). */
export const dbError = defineErrors({
  DATA_DIR_LOCKED: {
    status: 409,
    zh: '数据目录 {dir} 正由另一个进程使用（进程 {pid}，主机 {host}），内嵌数据库（PGlite）同一时间只能由一个进程打开，本次未做任何修改。请先停止正在运行的服务再执行命令，或在网页/接口（API）中完成此操作，或改用 PostgreSQL（设置 DATABASE_URL），让多个进程共用一个数据库。若确认没有进程在使用，可删除锁文件 {lock}。',
    en: 'The data directory {dir} is in use by another process (pid {pid} on {host}): the embedded database (PGlite) can be open in one process at a time, and nothing was changed. Stop the running server first, or do this through the web app or the API, or use PostgreSQL (set DATABASE_URL) so that several processes share one database. If no process is using it, delete the lock file {lock}.',
  },
  BACKUP_FORMAT_UNKNOWN: {
    status: 400,
    zh: '{file} 不是才桥的备份文件（{format} 第 {version} 版），未做任何修改',
    en: '{file} is not a Caiqiao backup ({format} v{version}); nothing was changed',
  },
  BACKUP_KEY_MISMATCH: {
    status: 409,
    zh: '备份 {file} 中的个人数据是用另一把密钥加密的（密钥编号 {backupKeyId}，本处为 {keyId}），恢复后将无法读取，本次未做任何修改。请把做备份时的 secrets.json 放回 DATA_DIR（或把当时的密钥设为 FIELD_ENCRYPTION_KEY）后再恢复。',
    en: 'The personal data in backup {file} was encrypted with another key (key id {backupKeyId}, here {keyId}) and could not be read after a restore; nothing was changed. Put the secrets.json of the backed-up installation into DATA_DIR (or set its key as FIELD_ENCRYPTION_KEY), then restore.',
  },
  BACKUP_KEY_UNVERIFIED: {
    status: 409,
    zh: '备份 {file} 没有记录密钥编号（较早版本所做），且其中的加密数据无法用本处的密钥（编号 {keyId}）解开，恢复后将无法读取，本次未做任何修改。请把做备份时的 secrets.json 放回 DATA_DIR（或把当时的密钥设为 FIELD_ENCRYPTION_KEY）后再恢复。',
    en: 'Backup {file} records no key id (an older version made it) and its encrypted data does not open with the key here (key id {keyId}), so it could not be read after a restore; nothing was changed. Put the secrets.json of the backed-up installation into DATA_DIR (or set its key as FIELD_ENCRYPTION_KEY), then restore.',
  },
  BACKUP_KEY_WRONG: {
    status: 409,
    zh: '当前配置的密钥（编号 {keyId}）解不开数据库中已加密的个人数据，未写备份。请使用该数据库所用的 secrets.json（DATA_DIR）或 FIELD_ENCRYPTION_KEY。',
    en: 'The configured key (key id {keyId}) does not open the personal data encrypted in the database; no backup was written. Use the secrets.json (DATA_DIR) or FIELD_ENCRYPTION_KEY this database is used with.',
  },
});
