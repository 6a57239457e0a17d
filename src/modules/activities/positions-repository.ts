import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { ApplicationStatus } from './constants.ts';
import { applications, positions } from './schema.ts';

/** 招聘岗位 of job fairs and study tours, and the applications to them. */
export class PositionsRepository {
  constructor(private readonly db: Executor) {}

  async positions(activityId: string) {
    return this.db
      .select()
      .from(positions)
      .where(eq(positions.activityId, activityId))
      .orderBy(asc(positions.createdAt), asc(positions.id));
  }

  async position(activityId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(positions)
      .where(and(eq(positions.activityId, activityId), eq(positions.id, id)));
    return row;
  }

  async insertPosition(values: typeof positions.$inferInsert) {
    const [row] = await this.db.insert(positions).values(values).returning();
    return row!;
  }

  async applications(activityId: string) {
    return this.db
      .select()
      .from(applications)
      .where(eq(applications.activityId, activityId))
      .orderBy(asc(applications.createdAt), asc(applications.id));
  }

  async application(activityId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(applications)
      .where(and(eq(applications.activityId, activityId), eq(applications.id, id)));
    return row;
  }

  async insertApplication(values: typeof applications.$inferInsert) {
    const [row] = await this.db.insert(applications).values(values).onConflictDoNothing().returning();
    return row;
  }

  async updateApplication(
    id: string,
    from: ApplicationStatus,
    values: Partial<typeof applications.$inferInsert>,
  ) {
    const [row] = await this.db
      .update(applications)
      .set(values)
      .where(and(eq(applications.id, id), eq(applications.status, from)))
      .returning();
    return row;
  }
}
