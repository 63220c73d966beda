import { KINDS } from '~types/kinds'
import { minutesText } from '~types/volunteer-hours'
import type { VolunteerHoursDecision, VolunteerHoursPayload } from '~types/volunteer.schema'
import type { MakeUpCapFields } from '~types/volunteer-task.schema'
import { invalidField } from '../core/app-error'
import type { ApplicationDoc } from '../workflow/application.doc'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { makeUpYearIn, settleMakeUp } from './hours.cap'
import { updateAccount } from './ledger'

type Payload = VolunteerHoursPayload & Partial<MakeUpCapFields>

const payloadOf = (app: ApplicationDoc) => app.payload as unknown as Payload
/** The year the claim counts towards (the service date's); kept on the claim since it was filed. */
const yearOf = (p: Payload) => p.capYear ?? Number(p.date.slice(0, 4))

/**
 * 补录: hours served without the app's check-in, confirmed by staff. They count towards the star level and the
 * record certificate, marked as make-up hours; like 志愿汇's admin-added hours they earn no points and do not go to a
 * team's totals. The yearly cap's reservation (hours.cap.ts) is settled in the same step: approved keeps what staff
 * confirmed, a rejection, a withdrawal or an expiry gives it back.
 */
export const volunteerHoursKind: KindDefinition = {
  messages: standardMessages(KINDS.volunteerHours, {
    appeal: '如有服务签到表、组织方证明，可以补充后重新申请。',
    approved: (app, details) => {
      const d = details as VolunteerHoursDecision
      return {
        title: `补录时长已认定：${minutesText(d.minutes)}`,
        hint: `认定 ${minutesText(d.minutes)}`,
        body: `您的补录申请（${app.caseNo}）已认定 ${minutesText(d.minutes)}，计入志愿服务时长和星级（标为“补录”，不折算积分）。`,
      }
    },
  }),
  async onTransition({ tx, app, step, details, rt }) {
    const p = payloadOf(app)
    const now = rt.now()
    if (step === 'approve') {
      const d = details as VolunteerHoursDecision
      if (d.minutes > p.minutes) throw invalidField('details.minutes', `认定时长不能超过申请的 ${minutesText(p.minutes)}`)
      await updateAccount(tx, app.applicantId, { minutes: { makeUp: d.minutes } }, now)
      await settleMakeUp(tx, await makeUpYearIn(tx, app.applicantId, yearOf(p)), { pending: -p.minutes, approved: d.minutes }, now)
      return { payload: { ...app.payload, confirmedMinutes: d.minutes } }
    }
    if (step === 'reject' || step === 'withdraw' || step === 'expire') await settleMakeUp(tx, await makeUpYearIn(tx, app.applicantId, yearOf(p)), { pending: -p.minutes, approved: 0 }, now)
  },
}
