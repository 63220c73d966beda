import { timingSafeEqual } from 'node:crypto'
import * as geo from '~types/geo'
import { distanceText, type CheckInput, type MarkBy } from '~types/volunteer-task.schema'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime } from '../core/context'
import { SIGNUPS, type SignupDoc, type TaskDoc } from './task.doc'

/**
 * Wrong codes one sign-up may type before only the organiser can check them in: a 6-digit code is a million
 * guesses, and GPS alone can be spoofed (peers shipped that bug), so guessing must not be an option.
 */
export const MAX_CODE_MISSES = 5

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * Is the phone at the place? Within the district's radius by its position, or with the organiser's code. What is
 * recorded: the distance when the phone gave one, and how. A wrong code is counted (outside the step's transaction,
 * which a refusal rolls back) before it is refused.
 */
export async function atThePlace(rt: Runtime, task: TaskDoc, signup: SignupDoc, input: CheckInput, radiusM: number): Promise<{ distanceM: number | null; by: MarkBy }> {
  const located = input.longitude !== undefined && input.latitude !== undefined
  const distanceM = located ? Math.round(geo.distanceM([input.longitude!, input.latitude!], [task.place.longitude, task.place.latitude])) : null
  if (distanceM !== null && distanceM <= radiusM) return { distanceM, by: 'gps' }
  if (input.code) {
    if (signup.codeMisses >= MAX_CODE_MISSES) throw new AppError('CONFLICT', '签到码输错的次数太多了，请找现场的组织方帮您签到')
    if (sameCode(input.code, task.code)) return { distanceM, by: 'code' }
    await rt.db.collection(SIGNUPS).doc(signup._id).update({ codeMisses: rt.db.command.inc(1), updatedAt: rt.now() })
    const left = MAX_CODE_MISSES - signup.codeMisses - 1
    throw invalidField('code', left > 0 ? `签到码不对，请核对组织方出示的 6 位数字（还能试 ${left} 次）` : '签到码不对。输错的次数太多了，请找现场的组织方帮您签到')
  }
  if (distanceM !== null) throw invalidField('code', `您离服务地点 ${distanceText(distanceM)}，请到现场后再签到，或输入组织方出示的 6 位签到码`)
  throw invalidField('location', '没有拿到您的位置。请打开定位后再试，或输入组织方出示的 6 位签到码')
}
