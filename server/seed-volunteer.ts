import type { Runtime } from '../cloudfunctions/shared/core/context'
import { seedVolunteerMall } from './seed-volunteer-mall'
import { seedVolunteerRecords } from './seed-volunteer-record'
import { seedVolunteerReports } from './seed-volunteer-report'
import { seedVolunteerTasks } from './seed-volunteer-task'

/**
 * 志愿服务积分's demo, part by part (reports, tasks, the mall, records), each written through the services the app
 * uses so it obeys every rule — points only ever arrive as ledger entries. Parts run in this order (the mall needs
 * points earned first).
 */
const PARTS: ((rt: Runtime) => Promise<void>)[] = [seedVolunteerReports, seedVolunteerTasks, seedVolunteerRecords, seedVolunteerMall]

export async function seedVolunteer(rt: Runtime): Promise<void> {
  for (const part of PARTS) await part(rt)
}
