import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { RejectInput, StartReviewInput, STATUS_LABELS, canTake, type ReviewView } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import type { DuplicateView } from '~types/volunteer-report.schema'
import { ForwardInput } from '~types/volunteer-report.schema'
import { api } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { ChipGroup } from '../../../components/chip-group'
import { LoadState } from '../../../components/load-state'
import { Notice } from '../../../components/notice'
import { TextArea } from '../../../components/text-area'
import { TextField } from '../../../components/text-field'
import { useAction } from '../../../hooks/use-action'
import { DRAFT_PREFIX, useDraft } from '../../../hooks/use-draft'
import { useRemote } from '../../../hooks/use-remote'
import { Section } from '../lib/fields'

/** The departments reports usually go to; a tap fills the name, which can still be edited. */
const DEPARTMENTS = ['城管', '交警', '市政', '派出所', '街道', '社区', '物业']

/**
 * 随手拍's own steps at the desk, beside the workflow's (accept = 开始审核, handled = 批准, 不予批准): the possible
 * duplicates, each earlier one with 按重复驳回, and 转交 to a department while the report is in review.
 */
export function ReportActions({ view, onDone }: { view: ReviewView; onDone: (toast: string) => void }) {
  // A new form (and draft) after each 转交: the next department starts empty.
  const [sent, setSent] = useState(0)
  return (
    <>
      <Duplicates view={view} onDone={onDone} />
      {view.status === 'inReview' ? (
        <ForwardForm key={sent} view={view} onDone={(toast) => { setSent((n) => n + 1); onDone(toast) }} />
      ) : null}
    </>
  )
}

const distanceText = (d: DuplicateView) => (d.distanceM === null ? '同一地点' : `相距 ${d.distanceM} 米`)

function Duplicates({ view, onDone }: { view: ReviewView; onDone: (toast: string) => void }) {
  // Loaded when this mounts (after the detail has): a page's show event has passed by then, so not on useDidShow.
  const dup = useRemote(() => api.volunteer.duplicates({ id: view.id }), false)
  useEffect(() => {
    void dup.reload()
  }, [view.id, view.version])
  const [chosen, setChosen] = useState<DuplicateView | null>(null)
  const canReject = canTake('reject', view.status) || canTake('startReview', view.status)
  return (
    <Section title="可能重复的报告">
      <LoadState data={dup.data} error={dup.error} onRetry={() => void dup.reload()} loadingText="正在查重…">
        {(d) => (
          <>
            <Text className="field__sub">
              {d.located ? `同一类别，${d.radiusM} 米内、前后 ${d.hours} 小时内的其他报告。` : `这份报告没有定位：按同一区县、同样的地点文字查找前后 ${d.hours} 小时内的同类报告。`}
            </Text>
            {d.items.length ? (
              <View role="list" aria-label="可能重复的报告">
                {d.items.map((x) => (
                  <View key={x.id} className="field" role="listitem">
                    <Text className="field__text">{`${x.earlier ? '○ 更早' : '○ 更晚'} ${x.caseNo} · ${STATUS_LABELS[x.status]}`}</Text>
                    <Text className="field__sub">{`${x.placeText} · ${distanceText(x)} · ${formatDateTime(x.at)}`}</Text>
                    {x.earlier && canReject && chosen?.id !== x.id ? (
                      <ActionButton compact variant="danger" onClick={() => setChosen(x)}>按重复驳回</ActionButton>
                    ) : null}
                  </View>
                ))}
              </View>
            ) : (
              <Text className="field__text">✓ 没有发现可能重复的报告</Text>
            )}
            {chosen ? <DuplicateReject key={chosen.id} view={view} earlier={chosen} onCancel={() => setChosen(null)} onDone={onDone} /> : null}
          </>
        )}
      </LoadState>
    </Section>
  )
}

/**
 * 按重复驳回: the reason comes filled in, naming the earlier case (the reporter reads it); a report not yet accepted is
 * accepted first — a duplicate is answered too, and its response time counts like any other's.
 */
function DuplicateReject({ view, earlier, onCancel, onDone }: { view: ReviewView; earlier: DuplicateView; onCancel: () => void; onDone: (toast: string) => void }) {
  const [reason, setReason] = useState(`与 ${earlier.caseNo} 反映的是同一件事（${distanceText(earlier)}），已经在那份报告里处理，这份不再重复受理。谢谢您！`)
  const start = useAction(StartReviewInput, (input, opts) => api.application.startReview(input, opts))
  const reject = useAction(RejectInput, (input, opts) => api.application.reject(input, opts))
  const send = async () => {
    let version = view.version
    if (canTake('startReview', view.status)) {
      const seen = await start.run({ id: view.id, version })
      if (!seen) return
      version = seen.version
    }
    if (await reject.run({ id: view.id, version, reason })) onDone('已按重复驳回')
  }
  const problem = start.problem ?? reject.problem
  return (
    <View className="step-form" role="form" aria-label="按重复驳回">
      <Text className="step-form__title">{`按重复驳回（与 ${earlier.caseNo} 重复）`}</Text>
      {problem && !reject.errors.reason ? <Notice kind="warn">{problem}</Notice> : null}
      <TextArea label="驳回理由（报告人会看到）" value={reason} onChange={setReason} maxlength={500} error={reject.errors.reason} />
      <View className="step-form__buttons">
        <ActionButton variant="dangerSolid" busy={start.busy || reject.busy} busyText="正在驳回…" onClick={() => void send()}>确认按重复驳回</ActionButton>
        <ActionButton variant="secondary" onClick={onCancel}>取消</ActionButton>
      </View>
    </View>
  )
}

/** 转交: to whom (a tap on a usual one, or typed), and a line for the reporter if useful. Kept as a draft until sent. */
function ForwardForm({ view, onDone }: { view: ReviewView; onDone: (toast: string) => void }) {
  const [d, set, clear] = useDraft(`${DRAFT_PREFIX}review.${view.id}.forward`, () => ({ department: '', note: '' }))
  const action = useAction(ForwardInput, (input, opts) => api.volunteer.forward(input, opts))
  const send = async () => {
    if (await action.run({ id: view.id, department: d.department, ...(d.note.trim() ? { note: d.note } : {}) })) {
      clear()
      onDone(`已转交${d.department.trim()}`)
    }
  }
  const known = DEPARTMENTS.find((x) => x === d.department.trim()) ?? ''
  return (
    <View className="step-form" role="form" aria-label="转交部门">
      <Text className="step-form__title">转交部门处理</Text>
      <Text className="field__sub">转交会记在这份报告上，报告人会收到“已转交…处理”的消息。处理完再点“批准”，写下答复。</Text>
      {action.problem && !Object.keys(action.errors).length ? <Notice kind="warn">{action.problem}</Notice> : null}
      <ChipGroup label="常用部门" options={DEPARTMENTS.map((x) => ({ value: x, label: x }))} value={known} onChange={(department) => set({ department })} />
      <TextField label="转交给" placeholder="如 崇川区城管局" maxlength={40} value={d.department} onChange={(department) => set({ department })} error={action.errors.department} />
      <TextArea label="说明（选填，报告人能看到）" value={d.note} onChange={(note) => set({ note })} maxlength={200} error={action.errors.note} />
      <ActionButton busy={action.busy} busyText="正在转交…" onClick={() => void send()}>转交并告诉报告人</ActionButton>
    </View>
  )
}
