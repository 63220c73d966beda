import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FINAL_STATUSES, STATUS_LABELS, type ReviewView, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { BRAND_STRONG } from '../../../../styles/colors'
import { ActionButton } from '../../../../components/action-button'
import { AttachmentList } from '../../../../components/attachment-list'
import { Notice } from '../../../../components/notice'
import { REVIEW_KINDS } from '../../kinds'
import { Field, Section } from '../../lib/fields'
import { ACTOR_LABELS, STEP_LABELS, transitionWords } from '../../lib/words'

/** The request in the reviewer's words: what the applicant filled in, read back in Chinese. */
export function RequestSection({ view }: { view: ReviewView }) {
  const { RequestFields, DecisionFields } = REVIEW_KINDS[view.kind]
  return (
    <Section title="申请内容" className="detail__request">
      <RequestFields view={view} />
      {view.supplement ? (
        <View className="supplement">
          <Text className="supplement__title">补充材料</Text>
          <Field label="需要补充">
            <Text className="field__text">{view.supplement.missing}</Text>
          </Field>
          <Field label="补充期限">
            <Text className="field__text">{formatDateTime(view.supplement.deadline)} 前</Text>
          </Field>
          <Field label="申请人答复">
            <Text className="field__text">{view.supplement.answer || (view.files.answer.length || view.files.answerAlsoFiled ? '（只发了文件，没有写说明）' : '尚未答复')}</Text>
          </Field>
          {view.files.answer.length || view.files.answerAlsoFiled ? (
            <Field label={`随这次答复发来的文件（${view.files.answer.length + view.files.answerAlsoFiled}）`}>
              <AttachmentList files={view.files.answer} empty="" />
              {view.files.answerAlsoFiled ? <Text className="field__sub">{`另有 ${view.files.answerAlsoFiled} 个是申请时已提交过的文件，列在“附件”里。`}</Text> : null}
            </Field>
          ) : null}
        </View>
      ) : null}
      {view.decision ? (
        <View className="supplement">
          <Text className="supplement__title">{view.decision.result === 'approved' ? '决定：批准' : '决定：不予批准'}</Text>
          {view.decision.details ? <DecisionFields details={view.decision.details} /> : null}
          {view.decision.note ? (
            <Field label="备注">
              <Text className="field__text">{view.decision.note}</Text>
            </Field>
          ) : null}
          {view.decision.reason ? (
            <Field label="理由">
              <Text className="field__text">{view.decision.reason}</Text>
            </Field>
          ) : null}
          <Field label="决定时间">
            <Text className="field__text">{formatDateTime(view.decision.at)}</Text>
          </Field>
        </View>
      ) : null}
    </Section>
  )
}

/** Who asked: masked ID number; the full number is a separate, audited step. */
export function ApplicantSection({ view, onRevealed }: { view: ReviewView; onRevealed: () => void }) {
  const a = view.applicant
  const [full, setFull] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      confirmColor: BRAND_STRONG,
      title: '查看完整身份证号',
      content: '只在确有需要时查看（如向法院立案）。每次查看都会记入审计日志。',
      confirmText: '查看',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(undefined)
    try {
      setFull((await api.application.revealIdNumber({ id: view.id }, { requestId: newRequestId() })).idNumber)
      onRevealed()
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title="申请人" className="detail__applicant">
      <Field label="姓名">
        <Text className="field__text">{a.name}</Text>
      </Field>
      <Field label="身份证号">
        <View className="field__inline">
          <Text className="field__text field__mono">{full ?? (a.idNumberMasked || '未登记')}</Text>
          {!full && a.idNumberMasked ? (
            <ActionButton compact variant="secondary" busy={busy} busyText="正在读取…" onClick={() => void reveal()}>
              查看完整号码
            </ActionButton>
          ) : null}
        </View>
        {problem ? <Notice kind="warn">{problem}</Notice> : null}
      </Field>
      <Field label="手机号">
        <Text className="field__text field__mono">{a.mobile || '—'}</Text>
      </Field>
      <Field label="职业">
        <Text className="field__text">{[a.occupation, a.platform].filter(Boolean).join(' · ') || '—'}</Text>
      </Field>
      <Field label="所在地区">
        <Text className="field__text">{a.regionLabel}</Text>
      </Field>
    </Section>
  )
}

/**
 * The files the applicant sent with the application (those of the current answer are under 补充材料, each file in one
 * place only), and those of earlier answers; each opens in a new tab or on the phone.
 */
export function AttachmentsSection({ files }: { files: ReviewView['files'] }) {
  return (
    <Section title={`附件（${files.filed.length + files.earlierAnswers.length}）`} className="detail__attachments">
      <AttachmentList files={files.filed} empty="申请时没有上传附件。" />
      {files.earlierAnswers.length ? (
        <View className="attachments__earlier">
          <Text className="field__sub">{`之前补充材料时发来的（${files.earlierAnswers.length}）`}</Text>
          <AttachmentList files={files.earlierAnswers} empty="" />
        </View>
      ) : null}
      {files.answer.length ? <Text className="field__sub">{`这次补充材料新发来的 ${files.answer.length} 个文件在“申请内容”的补充材料下。`}</Text> : null}
    </Section>
  )
}

/** Where the decision clock stands: running (or overdue), paused while the applicant supplements, stopped. */
export function ClockSection({ view, now }: { view: ReviewView; now: Date }) {
  const { clock, status } = view
  let state: { icon: string; title: string; text?: string; alert?: boolean }
  if (FINAL_STATUSES.includes(status)) {
    state = { icon: '■', title: `${STATUS_LABELS[status]}，不再计时`, text: view.decision ? `决定于 ${formatDateTime(view.decision.at)}` : undefined }
  } else if (clock.pausedWithWorkingDays !== null) {
    state = {
      icon: '‖',
      title: `暂停计时，恢复后还剩 ${clock.pausedWithWorkingDays} 个工作日`,
      text: view.supplement ? `等待申请人在 ${formatDateTime(view.supplement.deadline)} 前补充材料；逾期未补充视为撤回。` : '等待申请人补充材料。',
    }
  } else if (clock.dueAt) {
    const overdue = new Date(clock.dueAt).getTime() < now.getTime()
    state = overdue
      ? { icon: '⚠', title: '已逾期', text: `应于 ${formatDateTime(clock.dueAt)} 前作出决定。`, alert: true }
      : { icon: '●', title: '计时中', text: `须在 ${formatDateTime(clock.dueAt)} 前作出决定。` }
  } else {
    state = { icon: '—', title: '没有期限' }
  }
  return (
    <Section title="审查期限" className="detail__clock">
      <View className={`clock${state.alert ? ' clock--alert' : ''}`}>
        <Text className="clock__title">
          {state.icon} {state.title}
        </Text>
        {state.text ? <Text className="clock__text">{state.text}</Text> : null}
      </View>
      {clock.extended ? <Text className="clock__note">已延长过一次期限（只能延长一次）。</Text> : null}
      {clock.provisional ? (
        <Text className="clock__note">⚠ 暂定日历：下一年度的节假日安排尚未公布，期限暂按周末计算，公布后以官方日历为准。</Text>
      ) : null}
    </Section>
  )
}

/** Every step, oldest first: when, who, what changed, and the note. */
export function TimelineSection({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Section title="办理记录" className="detail__timeline">
      <View className="timeline" role="list">
        {entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className="timeline__entry" role="listitem">
            <Text className="timeline__at">{formatDateTime(e.at)}</Text>
            <Text className="timeline__step">
              {STEP_LABELS[e.step] ?? e.step}
              <Text className="timeline__actor">{` · ${ACTOR_LABELS[e.actorRole]}${e.actorName ? ` ${e.actorName}` : ''}`}</Text>
            </Text>
            <Text className="timeline__change">{transitionWords(e.from, e.to)}</Text>
            {e.note ? <Text className="timeline__note">{e.note}</Text> : null}
          </View>
        ))}
      </View>
    </Section>
  )
}
