import type { Config } from './config.ts';
import { CheckInCodes } from './modules/activities/checkin.ts';
import { MeetingsService } from './modules/activities/meetings.ts';
import { registerActivitiesRoutes } from './modules/activities/routes.ts';
import { ActivitiesService } from './modules/activities/service.ts';
import { ActivityWorkService } from './modules/activities/work.ts';
import { ReportService } from './modules/insights/report.ts';
import { registerInsightsRoutes } from './modules/insights/routes.ts';
import { InsightsService } from './modules/insights/service.ts';
import { listsJobs } from './modules/lists/jobs.ts';
import { registerListsRoutes } from './modules/lists/routes.ts';
import { ListsService } from './modules/lists/service.ts';
import { matchWeights } from './modules/matching/engine.ts';
import { matchingJobs } from './modules/matching/jobs.ts';
import { registerMatchingRoutes } from './modules/matching/routes.ts';
import { MatchingService } from './modules/matching/service.ts';
import { ordersJobs } from './modules/orders/jobs.ts';
import { registerOrdersRoutes } from './modules/orders/routes.ts';
import { OrdersService } from './modules/orders/service.ts';
import { DictionaryService } from './modules/registry/dictionaries.ts';
import { registryJobs } from './modules/registry/jobs.ts';
import { registerRegistryRoutes } from './modules/registry/routes.ts';
import { RegistryService } from './modules/registry/service.ts';
import { standingJobs } from './modules/standing/jobs.ts';
import { registerStandingRoutes } from './modules/standing/routes.ts';
import { StandingService } from './modules/standing/service.ts';
import { registerTeamsRoutes } from './modules/teams/routes.ts';
import { TeamsService } from './modules/teams/service.ts';
import { registerWorkbenchRoutes } from './modules/workbench/routes.ts';
import { WorkbenchService } from './modules/workbench/service.ts';
import type { Actor } from './platform/access/actor.ts';
import type { Role } from './platform/access/permissions.ts';
import { registerAccessRoutes } from './platform/access/routes.ts';
import { AccessService } from './platform/access/service.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { AuditService } from './platform/audit/service.ts';
import { AccountsService } from './platform/auth/accounts.ts';
import { UsersRepository } from './platform/auth/repository.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { AuthService } from './platform/auth/service.ts';
import { ChangeFeed } from './platform/changes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { FieldCipher } from './platform/crypto/fields.ts';
import { type Database, isReady, openDatabase } from './platform/db/client.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { createHttpApp } from './platform/http/app.ts';
import { registerReferenceRoutes } from './platform/http/reference-routes.ts';
import type { App, RouteEntry } from './platform/http/types.ts';
import { IdempotencyService } from './platform/idempotency/service.ts';
import { importJobs } from './platform/io/jobs.ts';
import { registerImportRoutes } from './platform/io/routes.ts';
import { ImportService } from './platform/io/service.ts';
import { installJobQueues, JobQueue, type StartOptions } from './platform/jobs/queue.ts';
import { notificationJobs } from './platform/notifications/jobs.ts';
import { Mailer } from './platform/notifications/mailer.ts';
import { registerNotificationRoutes } from './platform/notifications/routes.ts';
import { NotificationsService } from './platform/notifications/service.ts';
import { WorkCalendar } from './reference/workdays.ts';

/** Everything a running Caiqiao is made of; tests and the CLI build one of these. */
export interface Platform {
  config: Config;
  database: Database;
  clock: Clock;
  /** China's working days (holidays, 调休) and the configured days off, for all that counts them. */
  calendar: WorkCalendar;
  cipher: FieldCipher;
  audit: AuditService;
  access: AccessService;
  auth: AuthService;
  accounts: AccountsService;
  imports: ImportService;
  dictionaries: DictionaryService;
  registry: RegistryService;
  lists: ListsService;
  matching: MatchingService;
  orders: OrdersService;
  teams: TeamsService;
  activities: ActivitiesService;
  meetings: MeetingsService;
  activityWork: ActivityWorkService;
  /** 常态化服务: teams' yearly plans, their sessions on the working-day calendar, records and reminders. */
  standing: StandingService;
  insights: InsightsService;
  reports: ReportService;
  /** 工作台: what waits for each caller, counted by the lists it opens. */
  workbench: WorkbenchService;
  notifications: NotificationsService;
  /** Committed record changes, in process (the matching index follows them). */
  changes: ChangeFeed;
  /** Scheduled and queued work (every module's jobs.ts); any platform sends, a serving one works. */
  jobs: JobQueue;
  app: App;
  /** Every registered route with its declared access (for the authorisation matrix). */
  routes(): RouteEntry[];
  /** Works the job queue and the per-process timers (a serving process); stopped by close(). */
  startJobs(options?: StartOptions): Promise<void>;
  close(): Promise<void>;
}

/** Every module's jobs, each declared in the module's jobs.ts; one queue per queued job. */
export const JOBS = [
  ...notificationJobs,
  ...importJobs,
  ...registryJobs,
  ...listsJobs,
  ...matchingJobs,
  ...ordersJobs,
  ...standingJobs,
] as const;

/**
 * Brings a database to this version: the migrations, then the job queue's
 * tables and a queue per job (`caiqiao migrate`, the tests' template).
 */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  await installJobQueues(database, JOBS);
}

export interface PlatformOptions {
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  clock?: Clock;
}

/** The composition root: config → database → services → HTTP routes. Modules are wired here and only here. */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateDatabase(database);
    const clock = options.clock ?? systemClock;
    const calendar = new WorkCalendar(config.holidays);
    const jobs = new JobQueue(database);
    const cipher = new FieldCipher(config.secrets.fieldKey);
    const audit = new AuditService(database, clock);
    const access = new AccessService(database, audit, config.cacheMs);
    await access.syncCatalogue();
    const auth = new AuthService(
      database,
      access,
      audit,
      cipher,
      clock,
      // Sessions trusted from memory for 2 s at most: another process's sign-out is seen that late (see SessionCache).
      { ...config.session, ...config.login, sessionCacheMs: Math.min(config.cacheMs, 2_000) },
      config.secrets.sessionSecret,
    );
    const accounts = new AccountsService(database, audit, cipher, clock, auth);
    const imports = new ImportService(database, audit, clock, {
      maxBytes: config.importMaxBytes,
      maxRows: 200_000,
    });
    await imports.failInterrupted();
    await imports.sweep();
    const dictionaries = new DictionaryService(database, audit, config.cacheMs);
    await dictionaries.syncBuiltIns();
    const changes = new ChangeFeed();
    const mailer = config.mail ? new Mailer(config.mail) : null;
    const notifications = new NotificationsService(database, clock, mailer, jobs);
    // A plain list's total and pages kept 2 s at most, as sessions are: another process's change shows that late (see KeptReads).
    const registry = new RegistryService(
      database,
      audit,
      dictionaries,
      cipher,
      clock,
      changes,
      Math.min(config.cacheMs, 2_000),
    );
    const lists = new ListsService(database, audit, dictionaries, clock, changes);
    const matching = new MatchingService(
      database,
      dictionaries,
      registry,
      lists,
      clock,
      changes,
      matchWeights(config.matchingWeights),
    );
    const orders = new OrdersService(
      database,
      audit,
      lists,
      new IdempotencyService(database, clock),
      clock,
      notifications,
      cipher,
      calendar,
    );
    const teams = new TeamsService(database, audit, clock, cipher);
    const activities = new ActivitiesService(
      database,
      audit,
      clock,
      cipher,
      new CheckInCodes(config.secrets.sessionSecret),
      lists,
      notifications,
    );
    const meetings = new MeetingsService(database, audit, clock, activities, lists, matching);
    const activityWork = new ActivityWorkService(database, audit, clock, activities, lists, orders);
    const standing = new StandingService(database, audit, clock, calendar, {
      activities,
      notifications,
      matching,
      lists,
    });
    const insights = new InsightsService(database, clock, dictionaries);
    const reports = new ReportService(insights, clock);
    const workbench = new WorkbenchService(clock, lists, registry, orders, activities);
    // Matching weighs experts' open orders and past outcomes, as the orders module knows them.
    matching.setSignals(orders.expertSignals);
    jobs.register(JOBS, {
      notifications,
      imports,
      dictionaries,
      cacheMs: config.cacheMs,
      lists,
      matching,
      orders,
      standing,
    });
    await jobs.install();
    const importKinds = [
      ...registry.importKinds(),
      ...lists.importKinds(),
      ...dictionaries.importKinds(),
      ...activities.importKinds(),
      ...activityWork.importKinds(),
    ];
    for (const kind of importKinds) imports.register(kind);

    const { app, routes } = await createHttpApp({
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      webDir: config.webDir,
      checkResponses: config.checkResponses,
      sessions: auth,
      ready: () => isReady(database),
    });
    registerAuthRoutes(app, { auth, accounts, cookieSecure: config.cookieSecure });
    registerAccessRoutes(app, access);
    registerAuditRoutes(app, audit);
    registerReferenceRoutes(app, calendar);
    registerRegistryRoutes(app, registry, dictionaries);
    registerListsRoutes(app, lists);
    registerTeamsRoutes(app, teams);
    registerNotificationRoutes(app, notifications);
    await registerImportRoutes(
      app,
      imports,
      importKinds.map((k) => k.kind),
      config.importMaxBytes,
    );
    // After the import routes, which register multipart uploads.
    registerMatchingRoutes(app, matching, config.importMaxBytes);
    registerOrdersRoutes(app, orders);
    registerActivitiesRoutes(app, activities, meetings, activityWork);
    registerStandingRoutes(app, standing);
    registerWorkbenchRoutes(app, workbench);
    registerInsightsRoutes(app, insights, reports);
    await app.ready();
    jobs.log = app.log;

    return {
      config,
      database,
      clock,
      calendar,
      cipher,
      audit,
      access,
      auth,
      accounts,
      imports,
      dictionaries,
      registry,
      lists,
      matching,
      orders,
      teams,
      activities,
      meetings,
      activityWork,
      standing,
      insights,
      reports,
      workbench,
      notifications,
      changes,
      jobs,
      app,
      routes,
      startJobs: (startOptions) => jobs.start(startOptions),
      async close() {
        await app.close();
        // Running jobs finish before the database closes.
        await jobs.stop().catch((err) => app.log.error({ err }, 'stopping the job queue failed'));
        mailer?.close();
        await database.close();
      },
    };
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}

/**
 * An account as an actor outside a session (the CLI, benchmarks): its role's
 * current permissions, its region and organisation; undefined when there is no such account.
 */
export async function accountActor(
  platform: Platform,
  username: string,
  suffix = '',
): Promise<Actor | undefined> {
  const user = await new UsersRepository(platform.database.db).byUsername(username);
  if (!user) return undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: `${user.displayName}${suffix}`,
    role: user.role as Role,
    regionCode: user.regionCode,
    organisationId: user.organisationId,
    permissions: await platform.access.permissionsOf(user.role as Role),
    sessionId: 'cli',
    ip: null,
    requestId: null,
  };
}
