import { KINDS } from '~types/kinds'
import { minutesText } from '~types/volunteer-hours'
import type { VolunteerHoursDecision, VolunteerHoursPayload } from '~types/volunteer.schema'
import { invalidField } from '../core/app-error'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { updateAccount } from './ledger'

/**
 * 补录: hours served without the app's check-in, confirmed by staff. They count towards the star level and the
 * record certificate, marked as make-up hours; like 志愿汇's admin-added hours they earn no points.
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
    if (step !== 'approve') return
    const d = details as VolunteerHoursDecision
    const p = app.payload as unknown as VolunteerHoursPayload
    if (d.minutes > p.minutes) throw invalidField('details.minutes', `认定时长不能超过申请的 ${minutesText(p.minutes)}`)
    await updateAccount(tx, app.applicantId, { minutes: { makeUp: d.minutes } }, rt.now())
    return { payload: { ...app.payload, confirmedMinutes: d.minutes } }
  },
}
