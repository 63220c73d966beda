import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { HONOUR_TIER_LABELS, SkillSubsidyInput, TuitionSubsidyInput, type SubsidyQuote } from '~types/academy.schema'
import { HONOUR_TIERS } from '../../../../../config/academy'
import { formatFen, yuanToFen } from '~types/money'
import { api } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
import { AttachmentPicker, type Attached } from '../../../../components/attachment-picker'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { useAction } from '../../../../hooks/use-action'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import '../../lib/academy.scss'

/** Either subsidy: the amount worked out by rule with its reasoning — or exactly why not — before anything is filed. */
export default function SubsidyPage() {
  const session = useGuard()
  const { params } = useRouter()
  if (!session.user?.ready) return <PageStatus session={session} />
  return (
    <PageRoot className="subsidy">
      {params.certificate ? <SkillClaim certificateId={params.certificate} /> : <TuitionClaim enrolmentId={params.enrolment ?? ''} userId={session.user.id} />}
    </PageRoot>
  )
}

function QuoteCard({ quote }: { quote: SubsidyQuote }) {
  return quote.eligible ? (
    <View className="academy-card" role="region" aria-label="按规则计算">
      <Text className="offer__title">{`可以申请 ${formatFen(quote.amountFen)}`}</Text>
      {quote.reasoning.map((l) => (
        <Text key={l} className="offer__line">{l}</Text>
      ))}
    </View>
  ) : (
    <View role="alert">
      <Notice kind="warn" title="现在还不能申请">{quote.refusals.map((r) => r.message).join('；')}</Notice>
    </View>
  )
}

const done = (id: string) => Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(id)}` })

function SkillClaim({ certificateId }: { certificateId: string }) {
  const quote = useRemote(() => api.academy.quoteSkillSubsidy({ certificateId }), true)
  const action = useAction(SkillSubsidyInput, (input, opts) => api.academy.claimSkillSubsidy(input, opts))
  const send = async () => {
    await askForProgressNotices()
    const view = await action.run({ certificateId })
    if (view) await done(view.id)
  }
  return (
    <>
      <Text className="page__title">技能提升补贴</Text>
      <Text className="page__lead">拿到职业技能等级证书后，在期限内可以申请，每年次数有限。下面按您所在区县的标准算好了，提交前就知道能不能领、能领多少。</Text>
      <LoadState data={quote.data} error={quote.error} onRetry={() => void quote.reload()} loadingText="正在计算…">
        {(q) => (
          <>
            <QuoteCard quote={q} />
            {q.eligible ? (
              <>
                <Text className="offer__line">批准后发到您的社会保障卡银行账户，一般在每月 25 日前后。</Text>
                <SubmitBar problem={action.problem ?? action.errors.certificateId} busy={action.busy} busyText="正在提交…" onSubmit={() => void send()}>
                  {`申请 ${formatFen(q.amountFen)}`}
                </SubmitBar>
              </>
            ) : null}
          </>
        )}
      </LoadState>
    </>
  )
}

interface TuitionDraft {
  yearNo: string
  paid: string
  tier: string
  attachments: Attached[]
}

const TUITION_LABELS: Record<string, string> = { yearNo: '第几学年', paidFen: '实际交的学费', tier: '荣誉', attachments: '发票或收据' }

const tierOptions = HONOUR_TIERS.map((t) => ({ value: t, label: HONOUR_TIER_LABELS[t] }))

function TuitionClaim({ enrolmentId, userId }: { enrolmentId: string; userId: string }) {
  const [d, update, clear] = useDraft<TuitionDraft>(`${DRAFT_PREFIX}academy.tuition.${userId}.${enrolmentId}`, () => ({ yearNo: '1', paid: '', tier: 'none', attachments: [] }))
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const [quote, setQuote] = useState<SubsidyQuote | null>(null)
  const paid = yuanToFen(d.paid)
  const action = useAction(TuitionSubsidyInput, (input, opts) => api.academy.claimTuitionSubsidy(input, opts))
  // The amount follows what is typed: one quote per change of year, amount or honour.
  useEffect(() => {
    if (!paid.ok || paid.fen <= 0) return setQuote(null)
    let live = true
    api.academy.quoteTuitionSubsidy({ enrolmentId, yearNo: Number(d.yearNo), paidFen: paid.fen, tier: d.tier as never }).then((q) => live && setQuote(q)).catch(() => live && setQuote(null))
    return () => void (live = false)
  }, [d.yearNo, d.paid, d.tier])
  const send = async () => {
    if (uploading > 0) return action.fail({ attachments: '还有附件没有传完，请等一等' })
    if (!paid.ok) return action.fail({ paidFen: paid.error })
    await askForProgressNotices()
    const view = await action.run({ enrolmentId, yearNo: Number(d.yearNo), paidFen: paid.fen, tier: d.tier as never, attachments: d.attachments.map((a) => a.fileId) })
    if (!view) return scrollToFirstError()
    clear()
    await done(view.id)
  }
  return (
    <>
      <Text className="page__title">学费补贴</Text>
      <Text className="page__lead">交了一学年的学费、这一学年的学分修满后申请。补贴按规则算，不会超过实际交的学费。</Text>
      <ChipGroup label="第几学年" options={['1', '2', '3'].map((y) => ({ value: y, label: `第 ${y} 学年` }))} value={d.yearNo} onChange={(yearNo) => update({ yearNo })} error={action.errors.yearNo} />
      <TextField label="实际交的学费（元）" placeholder="如 6800" maxlength={12} value={d.paid} onChange={(v) => update({ paid: v })} error={action.errors.paidFen ?? (paid.ok ? undefined : paid.error)} />
      <ChipGroup label="获得过的荣誉" options={tierOptions} value={d.tier} onChange={(tier) => update({ tier })} hint="获得过荣誉的补贴比例更高，要上传荣誉证书" error={action.errors.tier} />
      <AttachmentPicker label="学费发票或收据（获得荣誉的再加荣誉证书）" value={d.attachments} onChange={(attachments) => update({ attachments })} onUploadingChange={onUploadingChange} error={action.errors.attachments} />
      {quote ? <QuoteCard quote={quote} /> : null}
      <SubmitBar problem={formProblem(action, TUITION_LABELS)} busy={action.busy} busyText="正在提交…" onSubmit={() => void send()}>
        提交申请
      </SubmitBar>
    </>
  )
}
