import type { Runtime } from '../cloudfunctions/shared/core/context'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { issueRecord } from '../cloudfunctions/shared/volunteer/record.service'

/**
 * 志愿服务记录证明's demo, through the service the app uses: 周小勇 has a certificate (with its PDF) of the hours the
 * tasks part had confirmed for him — so it runs after that part. Nothing else is added: his make-up quota and
 * points stay as the other parts left them.
 */
export async function seedVolunteerRecords(rt: Runtime): Promise<void> {
  const rider = await findUserByOpenid(rt.db, 'demo-rider')
  if (!rider) return
  const { data } = await rt.db.collection('volunteer_accounts').doc(rider._id).get()
  if (!(data[0] as { minutesConfirmed?: number } | undefined)?.minutesConfirmed) return
  await issueRecord(rt, rider)
}
