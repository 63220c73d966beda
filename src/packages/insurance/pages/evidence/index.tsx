import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { ApplicationView } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { EVIDENCE_ITEMS, EVIDENCE_LABELS, EvidenceInput, type EvidenceItem, type InjuryClaimPayload } from '~types/insurance.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { AttachmentPicker, type Attached } from '../../../../components/attachment-picker'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import '../../lib/insurance.scss'

/** A claim still being decided takes evidence; once decided the checklist is only read. */
export const UNDECIDED = ['submitted', 'inReview', 'needsMore', 'resubmitted']

/** What each item is, said the way a rider would look for it. */
const HINTS: Record<EvidenceItem, string> = {
  scene: '受伤的地方、车、伤口，拍清楚就行',
  diagnosis: '医院开的诊断证明或病历',
  receipts: '挂号、检查、药费的发票或收据',
  order: '在平台 App 的订单记录里找到这一单，截个图',
  lateNote: '写几句为什么过了期限才申请，拍照或截图上传',
}

/** 补充材料: the claim's checklist item by item — what has arrived, what is still needed, by when. */
export default function EvidencePage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const app = useRemote(() => api.application.getMine({ id }), ready && !!id)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="insurance-evidence">
      <Text className="page__title">理赔材料</Text>
      <LoadState data={app.data} error={app.error} onRetry={() => void app.reload()} loadingText="正在加载理赔…">
        {(view) => <Checklist view={view} onChanged={(next) => app.setData(() => next)} />}
      </LoadState>
    </PageRoot>
  )
}

function Checklist({ view, onChanged }: { view: ApplicationView; onChanged: (v: ApplicationView) => void }) {
  const p = view.payload as unknown as InjuryClaimPayload
  if (view.kind !== 'injuryClaim' || !p.evidence) return <Notice kind="warn">这不是一份理赔，没有材料清单。</Notice>
  const open = UNDECIDED.includes(view.status)
  const needed = EVIDENCE_ITEMS.filter((k) => p.evidence[k].needed)
  const missing = needed.filter((k) => !p.evidence[k].received)
  return (
    <>
      <Text className="page__lead">{`${view.caseNo} · ${view.summary}`}</Text>
      <View className="ins-card" role="group" aria-label="期限">
        {/* On time, the filing deadlines are behind the rider (the report was the filing): listing the platform's and
            their own dates under “赶上了” only raised the question whether something else was due by then. */}
        {p.deadlines.late ? (
          <>
            <Text className="ins-card__line ins-card__line--strong">⚠ 已经过了本人申请的期限，请补一份逾期说明</Text>
            <Text className="ins-card__line">{`本人申请的期限是 ${formatDateTime(p.deadlines.selfBy)}，已经过了。写清楚为什么晚了，工作人员会一起审核。`}</Text>
          </>
        ) : (
          <Text className="ins-card__line ins-card__line--strong">✓ 已报案，期限赶上了</Text>
        )}
        <Text className="ins-card__line">{missing.length ? `还差 ${missing.length} 项材料，不用一次交齐，越早交越快办。` : '材料齐了，等待审核。'}</Text>
      </View>
      {!open ? <Notice title="这份理赔已经有结果了">材料不能再补充。结果和理由在申请详情里。</Notice> : null}
      {needed.map((k) => (
        <Item key={k} item={k} view={view} open={open} onChanged={onChanged} />
      ))}
      <ActionButton variant="secondary" onClick={() => toProgress(view.id)}>看理赔进度</ActionButton>
    </>
  )
}

/**
 * Back to the claim's page when that is where the rider came from (it reloads when shown), else open it: redirecting
 * every time stacked a second copy of the claim's page, and “back” from it landed on the first, stale one.
 */
function toProgress(id: string) {
  const pages = Taro.getCurrentPages() as { route?: string; options?: Record<string, string>; $taroParams?: Record<string, string> }[]
  const prev = pages.length > 1 ? pages[pages.length - 2] : undefined
  const route = (prev?.route ?? '').replace(/^\//, '')
  // weapp gives a page's query as options; H5 keeps it only in $taroParams (its path carries just a stamp).
  const prevId = prev?.options?.id ?? prev?.$taroParams?.id
  if (route && routes.applicationDetail.endsWith(route) && prevId === id) void Taro.navigateBack()
  else void Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(id)}` })
}

function Item({ item, view, open, onChanged }: { item: EvidenceItem; view: ApplicationView; open: boolean; onChanged: (v: ApplicationView) => void }) {
  const slot = (view.payload as unknown as InjuryClaimPayload).evidence[item]
  const [files, setFiles] = useState<Attached[]>([])
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const [problem, setProblem] = useState<string>()
  const action = useAction(EvidenceInput, (input, opts) => api.insurance.addEvidence(input, opts))
  const send = async () => {
    setProblem(undefined)
    if (uploading > 0) return setProblem('还有文件没有传完，请等一等')
    const next = await action.run({ applicationId: view.id, item, attachments: files.map((f) => f.fileId) })
    if (!next) return
    setFiles([])
    onChanged(next)
    void Taro.showToast({ title: '已收到', icon: 'success' })
  }
  return (
    <View className="ins-checklist__item" role="group" aria-label={EVIDENCE_LABELS[item]}>
      <Text className={`ins-checklist__state ${slot.received ? 'ins-checklist__state--done' : 'ins-checklist__state--missing'}`}>
        {`${slot.received ? '✓ 已收到' : '还需要'}：${EVIDENCE_LABELS[item]}`}
      </Text>
      <Text className="ins-card__line">{slot.received ? `已交 ${slot.files.length} 个文件${open ? '，还可以再补' : ''}` : HINTS[item]}</Text>
      {open ? (
        <>
          <AttachmentPicker label={slot.received ? '再补充' : '拍照或选文件'} value={files} onChange={setFiles} onUploadingChange={onUploadingChange} error={action.errors.attachments} />
          {files.length ? (
            <SubmitBar problem={problem ?? (action.errors.attachments ? undefined : action.problem)} busy={action.busy} busyText="正在交…" onSubmit={() => void send()}>
              {`交上这 ${files.length} 个文件`}
            </SubmitBar>
          ) : null}
        </>
      ) : null}
    </View>
  )
}
