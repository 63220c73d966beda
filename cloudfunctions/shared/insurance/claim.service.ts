import type { ApplicationView } from '~types/application.schema'
import { EVIDENCE_LABELS, type InjuryClaimPayload } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { staffCovers } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import { attachChecked, filesToAttach } from '../storage/files'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import { getMine } from '../workflow/review.service'
import { drawOnCover } from './claim.kind'

type Notice = Awaited<ReturnType<typeof notify>>

/**
 * One claim, read and written inside a transaction: the caller's own (`worker`) or in the caller's scope (`staff`);
 * anything else does not exist for them. Each change is audited and, for staff, told to the worker.
 */
async function onClaim<T>(rt: Runtime, user: UserDoc, id: string, as: 'worker' | 'staff', change: (tx: Transaction, app: ApplicationDoc, p: InjuryClaimPayload) => Promise<{ patch: Record<string, unknown>; audit: object; tell?: { title: string; body: string; status: string; hint: string }; answer: T }>): Promise<T> {
  let notice: Notice | undefined
  const answer = await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const { data } = await tx.collection(APPLICATIONS).doc(id).get()
    const app = data as ApplicationDoc | null
    const mine = as === 'worker' ? app?.applicantId === user._id : !!app && staffCovers(user, app)
    if (!app || !mine || app.kind !== 'injuryClaim') throw new AppError('NOT_FOUND', '没有找到这份理赔')
    const out = await change(tx, app, app.payload as unknown as InjuryClaimPayload)
    await tx.collection(APPLICATIONS).doc(id).update({ ...out.patch, updatedAt: rt.now() })
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: as, targetType: 'application', targetId: id, at: rt.now(), ...out.audit })
    if (out.tell) {
      notice = await notify(rt, tx, {
        openid: app.applicantOpenid, title: out.tell.title, body: out.tell.body, target: { kind: 'application', id },
        progress: { matter: `理赔${app.caseNo}`, status: out.tell.status, hint: out.tell.hint },
      })
    }
    return out.answer
  })
  if (notice) await deliver(rt, [notice])
  return answer
}

/** A piece of evidence as the worker gets it: the files join the claim, the checklist item is marked received. */
export async function addEvidence(rt: Runtime, user: UserDoc, input: { applicationId: string; item: keyof InjuryClaimPayload['evidence']; attachments: string[] }): Promise<ApplicationView> {
  const files = await filesToAttach(rt.db, user.openid, input.attachments)
  await onClaim(rt, user, input.applicationId, 'worker', async (tx, app, p) => {
    if (!app.open) throw new AppError('CONFLICT', '这份理赔已经办结，不能再补充材料')
    const slot = p.evidence[input.item]
    if (!slot.needed) throw invalidField('item', `这次理赔不需要${EVIDENCE_LABELS[input.item]}`)
    await attachChecked(rt, tx, files, app._id)
    const added = input.attachments.filter((f) => !app.attachments.includes(f))
    return {
      patch: { [`payload.evidence.${input.item}`]: { needed: true, received: true, files: [...new Set([...slot.files, ...input.attachments])] }, attachments: [...app.attachments, ...added] },
      audit: { action: 'insurance.evidence', to: { item: input.item, files: input.attachments.length } },
      answer: null,
    }
  })
  return getMine(rt, user, input.applicationId)
}

/** 预付: the hospital deposit, decided before the claim — an approval draws on the cover left at once. */
export async function decideAdvance(rt: Runtime, staff: UserDoc, input: { applicationId: string; approve: boolean; amountFen?: number; reason?: string }) {
  return onClaim(rt, staff, input.applicationId, 'staff', async (tx, app, p) => {
    if (!app.open) throw new AppError('CONFLICT', '这份理赔已经有结果了')
    if (!p.advance.requestedFen) throw new AppError('CONFLICT', '申请人没有申请预付')
    if (p.advance.decision) throw new AppError('CONFLICT', '预付已经决定过了')
    if (!input.approve && (input.reason ?? '').length < 4) throw invalidField('reason', '不同意预付请写明理由（至少 4 个字，申请人会看到）')
    const amountFen = input.approve ? (input.amountFen ?? p.advance.requestedFen) : 0
    if (amountFen > p.advance.requestedFen) throw invalidField('amountFen', `不能超过申请的 ${formatFen(p.advance.requestedFen)}`)
    if (input.approve) await drawOnCover(tx, p, amountFen, 'amountFen')
    const decision = { approved: input.approve, amountFen, reason: input.reason || null, at: rt.now().toISOString() }
    return {
      patch: { 'payload.advance.decision': decision },
      audit: { action: 'insurance.advance', to: decision },
      tell: input.approve
        ? { title: `预付已同意：${formatFen(amountFen)}`, body: `您的理赔（${app.caseNo}）申请的住院押金预付已同意 ${formatFen(amountFen)}，会尽快打给您或医院。`, status: '预付已同意', hint: `预付 ${formatFen(amountFen)}` }
        : { title: '预付没有同意', body: `您的理赔（${app.caseNo}）申请的预付没有同意。理由：${input.reason}。理赔本身照常办理。`, status: '预付未同意', hint: '理赔照常办理' },
      answer: decision,
    }
  })
}

/** The money went out: amount, date, bank reference — told to the worker; never more than was approved. */
export async function recordPayout(rt: Runtime, staff: UserDoc, input: { applicationId: string; amountFen: number; paidOn: string; reference: string }) {
  return onClaim(rt, staff, input.applicationId, 'staff', async (_tx, app, p) => {
    if (app.status !== 'approved') throw new AppError('CONFLICT', '理赔核定后才能记录打款')
    const approved = ((app.decision?.details as { amountFen?: number } | undefined)?.amountFen ?? 0)
    const paid = p.payouts.reduce((s, x) => s + x.amountFen, 0)
    if (paid + input.amountFen > approved) throw invalidField('amountFen', `打款合计不能超过核定的 ${formatFen(approved)}（已打 ${formatFen(paid)}）`)
    const payout = { amountFen: input.amountFen, paidOn: input.paidOn, reference: input.reference, at: rt.now().toISOString() }
    return {
      patch: { 'payload.payouts': [...p.payouts, payout] },
      audit: { action: 'insurance.payout', to: payout },
      tell: { title: `理赔款已打出：${formatFen(input.amountFen)}`, body: `您的理赔（${app.caseNo}）已于 ${input.paidOn} 打款 ${formatFen(input.amountFen)}（流水号 ${input.reference}），到账时间以银行为准。`, status: '已打款', hint: `已打款 ${formatFen(input.amountFen)}` },
      answer: { payouts: [...p.payouts, payout], paidFen: paid + input.amountFen, approvedFen: approved },
    }
  })
}
