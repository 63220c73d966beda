import type { ApplicationView } from '~types/application.schema'
import { dayjs, inZone, todayOf, ZONE } from '~types/time'
import { minutesText } from '~types/volunteer-hours'
import type { VolunteerHoursInput, VolunteerHoursPayload } from '~types/volunteer.schema'
import type { MakeUpCapFields, MakeUpQuota } from '~types/volunteer-task.schema'
import { invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'
import { MAKEUP_YEARS, makeUpYearIdOf, settleMakeUp, makeUpYearIn, type MakeUpYearDoc } from './hours.cap'
import { rulesFor, rulesIn } from './rules.service'

/** How far back a make-up claim may go: records are to be timely (志愿服务条例), and staff must be able to check. */
const MAKE_UP_WITHIN_DAYS = 365

/** This year's cap, what is waiting and approved, and what is left — for the form, before anything is typed. */
export async function makeUpQuota(rt: Runtime, user: UserDoc): Promise<MakeUpQuota> {
  const year = inZone(rt.now()).year()
  const [rules, { data }] = await Promise.all([rulesFor(rt, user.profile!.districtCode), rt.db.collection(MAKEUP_YEARS).doc(makeUpYearIdOf(user._id, year)).get()])
  const y = data[0] as MakeUpYearDoc | undefined
  const pendingMinutes = y?.pendingMinutes ?? 0
  const approvedMinutes = y?.approvedMinutes ?? 0
  return { year, capMinutes: rules.makeUpMinutesPerYear, pendingMinutes, approvedMinutes, leftMinutes: Math.max(0, rules.makeUpMinutesPerYear - pendingMinutes - approvedMinutes) }
}

/**
 * 补录: hours served without the app's check-in, as a `volunteerHours` application for the staff of the worker's
 * district. Within the district's yearly cap counting what waits and what was approved — checked and reserved in the
 * application's own transaction, so two claims at once cannot both slip under it.
 */
export async function claimHours(rt: Runtime, user: UserDoc, input: VolunteerHoursInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const today = todayOf(rt.now())
  const served = dayjs.tz(input.date, ZONE)
  if (!served.isValid() || served.format('YYYY-MM-DD') !== input.date) throw invalidField('date', '日期不对，请重新选择')
  if (input.date > today) throw invalidField('date', '服务日期不能晚于今天')
  if (dayjs.tz(today, ZONE).diff(served, 'day') > MAKE_UP_WITHIN_DAYS) throw invalidField('date', '只能补录一年以内的服务')
  const district = user.profile!.districtCode
  const year = served.year()
  const payload: VolunteerHoursPayload = { date: input.date, minutes: input.minutes, what: input.what, place: input.place, organiser: input.organiser, confirmedMinutes: null }
  return openApplication(rt, user, {
    kind: 'volunteerHours',
    district,
    summary: `${input.date} ${minutesText(input.minutes)}：${input.what}`,
    urgent: false,
    attachments: input.attachments,
    payload: payload as unknown as Record<string, unknown>,
    before: async (tx: Transaction) => {
      const [rules, y] = [await rulesIn(tx, district), await makeUpYearIn(tx, user._id, year)]
      const used = y.pendingMinutes + y.approvedMinutes
      const left = Math.max(0, rules.makeUpMinutesPerYear - used)
      if (input.minutes > left) {
        throw invalidField('minutes', left
          ? `${year} 年最多补录 ${minutesText(rules.makeUpMinutesPerYear)}，已用 ${minutesText(used)}（含待审核的），还能补录 ${minutesText(left)}`
          : `${year} 年的补录额度（${minutesText(rules.makeUpMinutesPerYear)}）已经用完了，参加“志愿服务”里的任务签到就能记时长`)
      }
      await settleMakeUp(tx, y, { pending: input.minutes, approved: 0 }, rt.now())
      return { capYear: year, capMinutes: rules.makeUpMinutesPerYear, usedBeforeMinutes: used } satisfies MakeUpCapFields
    },
  }, recorder)
}
