import type { EnrolmentPayload, ReleaseReason } from '~types/academy.schema'
import { KINDS } from '~types/kinds'
import { formatDateTime } from '~types/format'
import { AppError } from '../core/app-error'
import type { Step } from '~types/application.schema'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { ENROLMENTS, type EnrolmentDoc } from './enrolment.doc'
import { releaseSeat } from './seats'

/** Where an academy decision can be questioned. */
export const ACADEMY_APPEAL = '如有疑问，可以联系所在区县的江海新才学院工作人员，或拨打 12333 人社服务热线咨询。'

const RELEASES: Partial<Record<Step, ReleaseReason>> = { reject: 'rejected', withdraw: 'withdrawn', expire: 'expired' }

/**
 * 学院报名: the seat was taken (or the waitlist place given) when the worker enrolled; approval needs a seat;
 * a rejection, withdrawal or expiry gives it back and promotes the first in line — in the step's transaction.
 */
export const enrolmentKind: KindDefinition = {
  messages: {
    ...standardMessages(KINDS.academyEnrolment, {
      appeal: ACADEMY_APPEAL,
      approved: (app) => {
        const p = app.payload as unknown as EnrolmentPayload
        return {
          title: `报名成功：${p.offerTitle}`,
          hint: '已录取，请按时上课',
          body: `您报名的“${p.offerTitle}”（${app.caseNo}）已录取。上课时间和地点在“我的学习”里，请按时参加；有事不能来请提前在那里撤回，把名额让给候补的人。`,
        }
      },
    }),
    received: (app) => {
      const p = app.payload as unknown as EnrolmentPayload
      return p.seated
        ? {
            title: `已收到报名：${p.offerTitle}`,
            hint: '已为您保留名额',
            body: `已为您保留“${p.offerTitle}”的名额（申请编号 ${app.caseNo}）。工作人员会在 ${formatDateTime(app.decisionDueAt!)} 前审核，结果会发到这里。`,
          }
        : {
            title: `已进入候补：${p.offerTitle}`,
            hint: `候补第 ${p.waitlistNo} 位`,
            body: `“${p.offerTitle}”的名额已满，您排在候补第 ${p.waitlistNo} 位（申请编号 ${app.caseNo}）。有人退出时按顺序递补，递补上会马上通知您。`,
          }
    },
  },
  async onTransition({ rt, tx, app, step, tell }) {
    const p = app.payload as unknown as EnrolmentPayload
    const { data } = await tx.collection(ENROLMENTS).doc(p.enrolmentId).get()
    const enrolment = data as EnrolmentDoc | null
    if (!enrolment) return
    if (step === 'approve') {
      if (enrolment.state === 'waitlisted') throw new AppError('CONFLICT', '这位申请人还在候补，有空出的名额后才能批准')
      if (enrolment.state !== 'seated') throw new AppError('CONFLICT', '这份报名已经退出，不能再批准')
      await tx.collection(ENROLMENTS).doc(enrolment._id).update({ state: 'enrolled', updatedAt: rt.now() })
      return
    }
    const reason = RELEASES[step as Step]
    // The first in line gets the seat and is told: the inbox in this transaction, the push after its commit.
    if (reason) await releaseSeat(rt, tx, enrolment, reason, tell)
  },
}
