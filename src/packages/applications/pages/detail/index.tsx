import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { FINAL_STATUSES, KINDS, SupplementInput, type ApplicationView } from '~types/application.schema'
import type { FieldErrors } from '~types/errors'
import { formatDateTime } from '~types/format'
import { fieldErrors } from '~types/validation'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { SubmitBar } from '../../../../components/submit-bar'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { useRequestId } from '../../../../hooks/use-request-id'
import { routes } from '../../../../routes'
import { AttachmentPicker, type Attached } from '../../../../components/attachment-picker'
import { statusWords } from '../../lib/words'
import { NoticesCard } from './notices'
import { DeadlineCard, DecisionCard, RequestCard, TimelineCard } from './sections'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

/** 申请详情: where one of my applications stands, the decision, every step, and what I can still do. */
export default function DetailPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const app = useRemote(() => api.application.getMine({ id }), ready && !!id)
  const [conflict, setConflict] = useState<string>()

  if (!ready) return <PageStatus session={session} />

  const changed = (view: ApplicationView, toast: string) => {
    setConflict(undefined)
    app.setData(() => view)
    void Taro.showToast({ title: toast, icon: 'success' })
  }
  const clash = (message: string) => {
    setConflict(message)
    void app.reload()
  }

  return (
    <PageRoot className="application">
      {!id ? <Notice kind="warn">缺少申请编号，请从“我的申请”里打开。</Notice> : null}
      <LoadState data={app.data} error={app.error} onRetry={() => void app.reload()} loadingText="正在加载申请…">
        {(view) => (
          <>
            <View className="application__head">
              <Text className="application__kind">{`${KINDS[view.kind].label} · ${view.caseNo}`}</Text>
              <View className="application__status-line">
                <Text className={`status status--${view.status} application__status`}>{statusWords(view.status)}</Text>
                {view.urgent ? <Text className="tag tag--urgent">⚠ 紧急</Text> : null}
              </View>
              <Text className="application__summary">{view.summary}</Text>
              <Text className="application__meta">{`提交于 ${formatDateTime(view.createdAt)}`}</Text>
            </View>
            {conflict ? (
              <View role="alert">
                <Notice kind="warn" title={`没有办成：${conflict}`}>页面已经刷新成最新的状态，请看一下再操作。</Notice>
              </View>
            ) : null}
            {view.decision ? <DecisionCard view={view} /> : null}
            {view.status === 'needsMore' && view.supplement ? (
              <SupplementForm key={`${view.id}-${view.version}`} view={view} onDone={(v) => changed(v, '已补充')} onConflict={clash} />
            ) : view.decision ? null : (
              <DeadlineCard view={view} />
            )}
            <RequestCard view={view} />
            <TimelineCard entries={view.timeline} />
            <NoticesCard id={view.id} version={view.version} />
            {FINAL_STATUSES.includes(view.status) ? null : <Withdraw view={view} onDone={(v) => changed(v, '已撤回')} onConflict={clash} />}
            <ActionButton variant="secondary" onClick={() => void Taro.redirectTo({ url: routes.myApplications })}>
              看我的全部申请
            </ActionButton>
          </>
        )}
      </LoadState>
    </PageRoot>
  )
}

interface SupplementDraft {
  note: string
  attachments: Attached[]
  requestId: string
}

/** The answer to "please add …": what is missing, by when, a note and files. Kept as a draft until sent. */
function SupplementForm({ view, onDone, onConflict }: { view: ApplicationView; onDone: (v: ApplicationView) => void; onConflict: (m: string) => void }) {
  const supplement = view.supplement!
  const [draft, update, clearDraft] = useDraft<SupplementDraft>(`${DRAFT_PREFIX}supplement.${view.id}`, () => ({ note: '', attachments: [], requestId: newRequestId() }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])

  const set = (patch: Partial<SupplementDraft>) => {
    update({ ...patch, requestId: newRequestId() })
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in patch))))
  }

  const submit = async () => {
    setProblem(undefined)
    if (uploading > 0) return setProblem('还有附件没有传完（或上传失败），请等一等，或删掉失败的文件')
    const parsed = SupplementInput.safeParse({ id: view.id, note: draft.note, attachments: draft.attachments.map((a) => a.fileId) })
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    setBusy(true)
    try {
      const next = await api.application.supplement(parsed.data, { requestId: draft.requestId })
      clearDraft()
      onDone(next)
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') return onConflict(err.message)
      setErrors(err.fields)
      setProblem(err.message)
      if (err.code !== 'NETWORK') update({ requestId: newRequestId() })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card card--alert" role="region" aria-label="补充材料">
      <Text className="card__title">⚠ 请补充材料</Text>
      <Text className="supplement__missing">{`还需要：${supplement.missing}`}</Text>
      <Text className="clock__title">暂停计时：等您补充材料</Text>
      <Text className="clock__text">{`请在 ${formatDateTime(supplement.deadline)} 前补充，逾期没有补充会视为撤回申请。补充后继续计时。`}</Text>
      <View className="supplement__form">
        <TextArea
          label="补充说明（传了照片可以不写）"
          value={draft.note}
          onChange={(v) => set({ note: v })}
          placeholder="说说补充了什么，比如“补上了 8 月的工资条照片”"
          error={errors.note}
          maxlength={1000}
          showCount
        />
        <AttachmentPicker
          label="补充的照片或 PDF"
          value={draft.attachments}
          onChange={(attachments) => set({ attachments })}
          onUploadingChange={onUploadingChange}
          error={errors.attachments}
        />
        <SubmitBar problem={problem} busy={busy} busyText="正在提交…" onSubmit={() => void submit()}>
          提交补充材料
        </SubmitBar>
      </View>
    </View>
  )
}

/** Withdraw while undecided, after a plain-words confirmation. */
function Withdraw({ view, onDone, onConflict }: { view: ApplicationView; onDone: (v: ApplicationView) => void; onConflict: (m: string) => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const { idFor, settle } = useRequestId()

  const run = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回这份申请？',
      content: '撤回后工作人员就不再办理。以后需要的话，可以重新申请。',
      confirmText: '撤回',
      confirmColor: '#b3261e',
      cancelText: '不撤回',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(undefined)
    const input = { id: view.id }
    try {
      const next = await api.application.withdraw(input, { requestId: idFor({ ...input, version: view.version }) })
      settle()
      onDone(next)
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') onConflict(err.message)
      else setProblem(err.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="withdraw">
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      <ActionButton variant="danger" busy={busy} busyText="正在撤回…" onClick={() => void run()}>
        撤回申请
      </ActionButton>
    </View>
  )
}
