import { KINDS } from '~types/kinds'
import { REPORT_CATEGORY_LABELS, REPORT_GRADE_LABELS, type VolunteerReportDecision, type VolunteerReportPayload } from '~types/volunteer.schema'
import type { ApplicationDoc } from '../workflow/application.doc'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { noticeOf } from '../workflow/notice'
import { post } from './ledger'
import { rulesIn } from './rules.service'

const payloadOf = (app: ApplicationDoc) => app.payload as unknown as VolunteerReportPayload

/** 随手拍: the reporter hears each step; a handled report credits its points in the decision's own transaction. */
export const volunteerReportKind: KindDefinition = {
  messages: {
    ...standardMessages(KINDS.volunteerReport, {
      appeal: '如果问题还在，可以再拍一次，或者拨打 12345 政务服务热线。',
      approved: (app, details) => {
        const d = details as VolunteerReportDecision & { points?: number }
        const p = payloadOf(app)
        return {
          title: `随手拍已处理${p.points ? `，积分 +${p.points}` : ''}`,
          hint: p.points ? `积分 +${p.points}` : '点开查看处理结果',
          body: `您反映的“${REPORT_CATEGORY_LABELS[p.category]}”（${app.caseNo}）已处理：${d.reply}${p.points ? `。按“${REPORT_GRADE_LABELS[d.grade]}”记 ${p.points} 分，可以在“我的积分”里查看。` : ''}`,
        }
      },
    }),
    received: (app) => ({
      title: '随手拍已收到',
      hint: '处理后会告诉您',
      body: `您反映的“${REPORT_CATEGORY_LABELS[payloadOf(app).category]}”（${app.caseNo}）已送到所在区县的志愿服务工作人员。处理结果和积分会在这里告诉您，谢谢您！`,
    }),
    rejected: (app, reason) => ({
      title: '随手拍未被采纳',
      body: `您反映的“${REPORT_CATEGORY_LABELS[payloadOf(app).category]}”（${app.caseNo}）未被采纳：${reason.replace(/[。.\s]+$/, '')}。谢谢您留意身边的事，下次再拍。`,
    }),
  },
  async onTransition({ tx, app, step, details, actor, rt, tell }) {
    // Accepted: the reporter hears at once that someone has it (the response time is what a report is judged by).
    if (step === 'startReview' && app.status === 'submitted') {
      await tell(noticeOf(app, 'inReview', {
        title: '随手拍已受理',
        hint: '正在处理，结果会告诉您',
        body: `您反映的“${REPORT_CATEGORY_LABELS[payloadOf(app).category]}”（${app.caseNo}）已受理，正在处理。处理结果和积分会在这里告诉您。`,
      }))
      return
    }
    if (step !== 'approve') return
    const d = details as VolunteerReportDecision
    const rules = await rulesIn(tx, app.district)
    const points = rules.reportPoints[d.grade]
    const p = payloadOf(app)
    const payload: VolunteerReportPayload = { ...p, grade: d.grade, points, reply: d.reply }
    if (points > 0) {
      await post(tx, app.applicantId, {
        amount: points,
        reason: `随手拍已处理：${app.summary}（${REPORT_GRADE_LABELS[d.grade]}）`,
        source: { type: 'report', id: app._id },
        earned: true,
        by: actor.id,
      }, rt.now())
    }
    // The approval message reads the application after this step: the points it names are the points credited.
    return { payload: payload as unknown as Record<string, unknown> }
  },
}
