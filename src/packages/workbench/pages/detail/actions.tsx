import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import type * as z from 'zod/mini'
import type { FieldErrors } from '~types/errors'
import { CloseInput } from '~types/application.contract'
import {
  ExtendInput,
  KINDS,
  approveInputFor,
  FINAL_STATUSES,
  RejectInput,
  RequestMoreInput,
  STATUS_LABELS,
  StartReviewInput,
  canTake,
  type ReviewView,
} from '~types/application.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { Notice } from '../../../../components/notice'
import { TextField } from '../../../../components/text-field'
import { TextArea } from '../../../../components/text-area'
import { DRAFT_PREFIX, clearDraftsWithPrefix, useDraft } from '../../../../hooks/use-draft'
import { useReviewAction, type ReviewAction, type ReviewActionHandlers } from '../../lib/use-review-action'
import { REVIEW_KINDS } from '../../kinds'

type FormName = 'requestMore' | 'approve' | 'reject' | 'extend' | 'close'

/** What each step says when it is done. */
const DONE_TOASTS = { startReview: '已开始审核', requestMore: '已要求补充', approve: '已批准', reject: '已不予批准', extend: '已延长期限', close: '已办结' } as const

/** An opened form may start below the fold (the steps sit under a long request on a phone): bring it into view. */
function scrollToForm() {
  setTimeout(() => void Promise.resolve(Taro.pageScrollTo({ selector: '.step-form', offsetTop: -80, duration: 200 })).catch(() => undefined), 60)
}

/**
 * The steps the application's status allows (TRANSITIONS), each with its own form, busy state and request id.
 * Every step sends the version on screen: if someone else acted first, the server says so and the page reloads.
 */
export function ReviewActions({ view, onDone, onConflict }: {
  view: ReviewView
  onDone: (view: ReviewView, toast: string) => void
  onConflict: (message: string) => void
}) {
  const [open, setOpen] = useState<FormName | null>(null)
  // Decided (here or elsewhere): no half-written step for it should come back.
  const decided = FINAL_STATUSES.includes(view.status)
  useEffect(() => {
    if (decided) clearDraftsWithPrefix(`${DRAFT_PREFIX}review.${view.id}.`)
  }, [decided, view.id])
  const handlers = (step: keyof typeof DONE_TOASTS): ReviewActionHandlers => ({
    done: (next) => {
      setOpen(null)
      // Decided by this step: its other half-written steps go now, before anyone is told it is done.
      if (FINAL_STATUSES.includes(next.status)) clearDraftsWithPrefix(`${DRAFT_PREFIX}review.${next.id}.`)
      onDone(next, DONE_TOASTS[step])
    },
    conflict: onConflict,
  })
  const start = useReviewAction(StartReviewInput, (d, o) => api.application.startReview(d, o), handlers('startReview'))
  const more = useReviewAction(RequestMoreInput, (d, o) => api.application.requestMore(d, o), handlers('requestMore'))
  const approve = useReviewAction(approveInputFor(view.kind), (d, o) => api.application.approve(d, o), handlers('approve'))
  const reject = useReviewAction(RejectInput, (d, o) => api.application.reject(d, o), handlers('reject'))
  const extend = useReviewAction(ExtendInput, (d, o) => api.application.extend(d, o), handlers('extend'))
  const close = useReviewAction(CloseInput, (d, o) => api.application.close(d, o), handlers('close'))

  const { status } = view
  const can = {
    startReview: canTake('startReview', status),
    requestMore: canTake('requestMore', status),
    approve: canTake('approve', status),
    reject: canTake('reject', status),
    extend: !FINAL_STATUSES.includes(status) && !view.clock.extended,
    close: canTake('close', status),
  }
  useEffect(() => {
    if (open) scrollToForm()
  }, [open])
  const toggle = (name: FormName) => setOpen((o) => (o === name ? null : name))
  const base = { id: view.id, version: view.version, kind: view.kind, payload: view.payload }
  const none = !Object.values(can).some(Boolean)
  // One solid button per state, the usual next step: start (also after a supplement — read it first), approve
  // while in review, 办结 once approved. The other steps stay available, in outline.
  const approveIsNext = status === 'inReview'

  return (
    <View className="detail-card detail__actions" role="region" aria-label="办理">
      <Text className="detail-card__title">办理</Text>
      {none ? (
        <Text className="field__sub">
          {FINAL_STATUSES.includes(status)
            ? `这份申请${STATUS_LABELS[status]}，不需要再办理。`
            : `这份申请现在是“${STATUS_LABELS[status]}”，等待申请人补充材料后再审核。`}
        </Text>
      ) : null}
      {status === 'needsMore' && !none ? <Text className="field__sub">等待申请人补充材料；补充后可以继续审核。</Text> : null}
      {status === 'resubmitted' ? <Text className="field__sub">申请人已补充材料。请先开始审核，核对补充的材料；材料已经齐全的，也可以直接决定。</Text> : null}
      {status === 'approved' ? <Text className="field__sub">已批准。事情办完（如案件结案）后点“办结”，申请人会收到通知。</Text> : null}
      {start.problem ? <Notice kind="warn">{start.problem}</Notice> : null}
      <View className="actions">
        {can.startReview ? (
          <ActionButton busy={start.busy} busyText="正在开始…" onClick={() => void start.run(sent(base))}>
            开始审核
          </ActionButton>
        ) : null}
        {can.close ? (
          <ActionButton variant={open === 'close' ? 'secondary' : 'primary'} onClick={() => toggle('close')}>
            办结
          </ActionButton>
        ) : null}
        {can.approve ? (
          <ActionButton variant={approveIsNext && open !== 'approve' ? 'primary' : 'secondary'} onClick={() => toggle('approve')}>
            批准
          </ActionButton>
        ) : null}
        {can.requestMore ? (
          <ActionButton variant="secondary" onClick={() => toggle('requestMore')}>
            要求补充材料
          </ActionButton>
        ) : null}
        {can.reject ? (
          <ActionButton variant="danger" onClick={() => toggle('reject')}>
            不予批准
          </ActionButton>
        ) : null}
        {can.extend ? (
          <ActionButton variant="secondary" onClick={() => toggle('extend')}>
            延长期限
          </ActionButton>
        ) : null}
      </View>
      {open === 'requestMore' && can.requestMore ? <RequestMoreForm action={more} base={base} onCancel={() => setOpen(null)} /> : null}
      {open === 'approve' && can.approve ? <ApproveForm action={approve} base={base} onCancel={() => setOpen(null)} /> : null}
      {open === 'reject' && can.reject ? <RejectForm action={reject} base={base} onCancel={() => setOpen(null)} /> : null}
      {open === 'extend' && can.extend ? <ExtendForm action={extend} base={base} onCancel={() => setOpen(null)} /> : null}
      {open === 'close' && can.close ? <CloseForm action={close} base={base} onCancel={() => setOpen(null)} /> : null}
    </View>
  )
}

interface Base {
  id: string
  version: number
  kind: ReviewView['kind']
  payload: ReviewView['payload']
}

/** What a step sends of the base: the kind only picks the forms' rules and fields. */
const sent = ({ id, version }: Base) => ({ id, version })

/** A step's form: its fields, a problem that is no field's, send and cancel. */
function StepForm({ title, action, fields, submit, submitText, busyText, variant = 'primary', onCancel, children }: {
  title: string
  action: { busy: boolean; errors: FieldErrors; problem?: string }
  fields: string[]
  submit: () => void
  submitText: string
  busyText: string
  variant?: 'primary' | 'danger'
  onCancel: () => void
  children: ReactNode
}) {
  // An error that belongs to none of the fields shown (or none at all) goes above them.
  const stray = Object.entries(action.errors).find(([k]) => !fields.includes(k))?.[1]
  const problem = stray ?? (Object.keys(action.errors).length ? undefined : action.problem)
  return (
    <View className="step-form" role="form" aria-label={title}>
      <Text className="step-form__title">{title}</Text>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      {children}
      <View className="step-form__buttons">
        <ActionButton variant={variant === 'danger' ? 'dangerSolid' : variant} busy={action.busy} busyText={busyText} onClick={submit}>
          {submitText}
        </ActionButton>
        <ActionButton variant="secondary" onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  )
}

type FormProps<S extends z.ZodMiniType> = { action: ReviewAction<z.input<S>>; base: Base; onCancel: () => void }

/**
 * A step form's fields as a draft per application and step: a failed send, a closed form or a reloaded tab loses
 * nothing; the draft goes once the step is taken (or at sign-out, with every other draft).
 */
function useStepDraft<T extends object>(base: Base, form: FormName, initial: () => T) {
  return useDraft<T>(`${DRAFT_PREFIX}review.${base.id}.${form}`, initial)
}

function RequestMoreForm({ action, base, onCancel }: FormProps<typeof RequestMoreInput>) {
  const [d, set, clear] = useStepDraft(base, 'requestMore', () => ({ missing: REVIEW_KINDS[base.kind].suggestMissing?.(base.payload) ?? '', days: String(KINDS[base.kind].rules.supplementWorkingDays) }))
  const send = async () => {
    const n = d.days.trim() === '' ? undefined : Number(d.days.trim())
    if (await action.run({ ...sent(base), missing: d.missing, ...(n === undefined ? {} : { workingDays: n }) })) clear()
  }
  return (
    <StepForm title="要求补充材料" action={action} fields={['missing', 'workingDays']} submit={() => void send()} submitText="发送补充要求" busyText="正在发送…" onCancel={onCancel}>
      <TextArea
        label="还缺哪些材料"
        placeholder="如：8 月的跑单记录截图、站点排班表"
        hint="申请人会在消息里看到这段话。"
        {...action.bind('missing', d.missing, (missing) => set({ missing }))}
      />
      <TextField
        label="补充期限（工作日）"
        type="number"
        maxlength={2}
        hint="期间审查期限暂停计时；逾期未补充视为撤回申请。"
        {...action.bind('workingDays', d.days, (days) => set({ days }))}
      />
    </StepForm>
  )
}

function ApproveForm({ action, base, onCancel }: FormProps<ReturnType<typeof approveInputFor>>) {
  const kind = REVIEW_KINDS[base.kind]
  const [d, set, clear] = useStepDraft(base, 'approve', () => ({ details: kind.emptyApproval(base.payload), note: '' }))
  const send = async () => {
    if (await action.run({ ...sent(base), details: kind.toDetails ? kind.toDetails(d.details) : d.details, ...(d.note.trim() ? { note: d.note } : {}) })) clear()
  }
  return (
    <StepForm
      title="批准"
      action={action}
      fields={[...new Set([...Object.keys(d.details), ...Object.keys(kind.toDetails?.(d.details) ?? {}), 'lowerReason'])].map((k) => `details.${k}`).concat('note')}
      submit={() => void send()}
      submitText="确认批准"
      busyText="正在批准…"
      onCancel={onCancel}
    >
      <kind.ApproveFields values={d.details} set={(patch) => set({ details: { ...d.details, ...patch } })} bind={action.bind} payload={base.payload} />
      <TextArea
        label="备注（选填，申请人能看到）"
        {...action.bind('note', d.note, (note) => set({ note }))}
      />
    </StepForm>
  )
}

function RejectForm({ action, base, onCancel }: FormProps<typeof RejectInput>) {
  const [d, set, clear] = useStepDraft(base, 'reject', () => ({ reason: '' }))
  const send = async () => {
    if (await action.run({ ...sent(base), reason: d.reason })) clear()
  }
  return (
    <StepForm
      title="不予批准"
      action={action}
      fields={['reason']}
      variant="danger"
      submit={() => void send()}
      submitText="确认不予批准"
      busyText="正在提交…"
      onCancel={onCancel}
    >
      <TextArea
        label="不予批准的理由"
        placeholder="请写明理由和依据"
        hint="申请人会看到这段理由。"
        {...action.bind('reason', d.reason, (reason) => set({ reason }))}
      />
    </StepForm>
  )
}

function ExtendForm({ action, base, onCancel }: FormProps<typeof ExtendInput>) {
  const [d, set, clear] = useStepDraft(base, 'extend', () => ({ reason: '' }))
  const send = async () => {
    if (await action.run({ ...sent(base), reason: d.reason })) clear()
  }
  return (
    <StepForm title="延长审查期限" action={action} fields={['reason']} submit={() => void send()} submitText="确认延长" busyText="正在延长…" onCancel={onCancel}>
      <TextArea
        label="延长的理由"
        placeholder="如：案情复杂，需要向用人单位核实"
        hint={`期限延长 ${KINDS[base.kind].rules.extensionWorkingDays} 个工作日，只能延长一次。`}
        maxlength={300}
        {...action.bind('reason', d.reason, (reason) => set({ reason }))}
      />
    </StepForm>
  )
}

function CloseForm({ action, base, onCancel }: FormProps<typeof CloseInput>) {
  const [d, set, clear] = useStepDraft(base, 'close', () => ({ note: '' }))
  const send = async () => {
    if (await action.run({ ...sent(base), ...(d.note.trim() ? { note: d.note } : {}) })) clear()
  }
  return (
    <StepForm title="办结" action={action} fields={['note']} submit={() => void send()} submitText="确认办结" busyText="正在办结…" onCancel={onCancel}>
      <TextArea
        label="办结说明（选填，申请人能看到）"
        placeholder="如：已由援助律师代理，劳动仲裁调解结案"
        hint="办结后这份申请不再办理，状态变为“已办结”。"
        {...action.bind('note', d.note, (note) => set({ note }))}
      />
    </StepForm>
  )
}
