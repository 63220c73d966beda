import type { Runtime } from '../cloudfunctions/shared/core/context'
import { registerFile } from '../cloudfunctions/shared/storage/files'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { forwardReport } from '../cloudfunctions/shared/volunteer/report.service'
import { submitReport } from '../cloudfunctions/shared/volunteer/report.submit'
import { approve, startReview } from '../cloudfunctions/shared/workflow/review.service'
import { dayjs, inZone, ZONE } from '../types/time'
import type { VolunteerReportInput } from '../types/volunteer.schema'
import { tinyPng } from './demo-files'

/**
 * 随手拍's demo, through the services the app uses (points only as a ledger entry sourced to the report): 周小勇's
 * reports in 崇川 — one three days ago that 顾敏 accepted, handed to 市政 and marked handled as a hazard (+50 under the
 * district's rules), one from yesterday evening in review, one this morning not yet accepted. The past is made by
 * running the same services with the clock of that moment.
 */
export async function seedVolunteerReports(rt: Runtime): Promise<void> {
  const [rider, staff] = await Promise.all(['demo-rider', 'demo-staff-nantong'].map((o) => findUserByOpenid(rt.db, o)))
  if (!rider || !staff) return
  const today = inZone(rt.now()).startOf('day')
  const at = (daysAgo: number, clock: string) => {
    const when = dayjs.tz(`${today.subtract(daysAgo, 'day').format('YYYY-MM-DD')} ${clock}`, 'YYYY-MM-DD HH:mm', ZONE).toDate()
    // Never in the future: a seed run before 08:00 files this morning's report now.
    return { ...rt, now: () => (when > rt.now() ? rt.now() : when) }
  }
  const file = async (when: Runtime, input: Omit<VolunteerReportInput, 'photos'>) => {
    const photo = await registerFile(when, rider.openid, { bytes: tinyPng(), name: '随手拍.png' })
    return submitReport(when, rider, { ...input, photos: [photo.fileId] })
  }

  const handled = await file(at(3, '08:10'), {
    category: 'hazard', district: '320613', note: '井盖破了一个角，电动车容易卡进去',
    place: { text: '工农路和青年路路口', longitude: 120.8961, latitude: 31.9815 },
  })
  let seen = await startReview(at(3, '08:25'), staff, { id: handled.id, version: handled.version })
  await forwardReport(at(3, '08:30'), staff, { id: handled.id, department: '崇川区市政设施管理处', note: '井盖属市政设施' })
  await approve(at(3, '15:00'), staff, { id: handled.id, version: seen.version, details: { grade: 'hazard', reply: '市政处已更换井盖，谢谢您提醒' } })

  const inReview = await file(at(1, '18:40'), {
    category: 'traffic', district: '320613', note: '晚高峰信号灯不亮，路口很乱',
    place: { text: '人民中路和工农路路口', longitude: 120.8893, latitude: 31.9902 },
  })
  seen = await startReview(at(1, '18:52'), staff, { id: inReview.id, version: inReview.version })

  await file(at(0, '08:05'), {
    category: 'cityscape', district: '320613',
    place: { text: '濠河北岸步道垃圾堆', longitude: 120.8751, latitude: 32.0124 },
  })
}
