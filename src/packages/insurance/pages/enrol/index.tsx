import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import * as z from 'zod/mini'
import type { ApplicationView } from '~types/application.schema'
import { InsuranceEnrolInput, RELATIONS, RELATION_LABELS, type CoverageItem, type InsuranceEnrolmentPayload, type PolicyView } from '~types/insurance.schema'
import type { UserView } from '~types/user.schema'
import { api } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { emptyEnrol, enrolDraftKey, type EnrolDraft } from '../../lib/draft'
import { without } from '../../lib/form'
import { InfoRow } from '../../lib/info-row'
import { schemeKeyOf } from '../../lib/scheme'
import { canRenew, lastDayWords, periodWords, policyStateWords, RENEWAL_DAYS } from '../../lib/words'
import '../../lib/insurance.scss'

/** The form's fields in its order: the summary above the button names them. */
const LABELS: Record<string, string> = {
  'declaration.noWorkInjuryInsurance': '没有参加工伤保险',
  'declaration.registeredHere': '在本市登记为灵活就业人员',
  'beneficiary.name': '受益人姓名',
  'beneficiary.relation': '和您的关系',
  'beneficiary.mobile': '受益人手机号',
}

const relationOptions = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))

/** Still with staff, or approved and waiting for the premium: a second application of the same scheme is refused. */
const UNFINISHED = ['submitted', 'inReview', 'needsMore', 'resubmitted', 'approved']

async function load(key: string) {
  const [coverage, policies, apps] = await Promise.all([api.insurance.coverage({}), api.insurance.policies({}), api.application.listMine({})])
  const item = coverage.items.find((i) => schemeKeyOf(i) === key && i.kind === 'commercial') ?? null
  const held = item ? (policies.find((p) => p.schemeName === item.name && p.state !== 'expired') ?? null) : null
  const mine = apps.filter((a) => a.kind === 'insuranceEnrolment' && (a.payload as Partial<InsuranceEnrolmentPayload>).schemeKey === key)
  // An approved one whose policy exists is done with (the policy's id is the enrolment's); only an unpaid one is open.
  const open = mine.find((a) => UNFINISHED.includes(a.status) && !(a.status === 'approved' && policies.some((p) => p.id === a.id))) ?? null
  return { item, held, open, last: mine[0] ?? null }
}

type Loaded = Awaited<ReturnType<typeof load>>

/** 参保: the two things the worker declares, who receives a death benefit — then staff review, then the premium. */
export default function EnrolPage() {
  const session = useGuard()
  const { params } = useRouter()
  const key = params.scheme ?? ''
  const ready = !!session.user?.ready
  const loaded = useRemote(() => load(key), ready && !!key)
  if (!ready) return <PageStatus session={session} />
  const held = loaded.data?.held
  const renewing = !!held && canRenew(held) && !loaded.data?.open
  return (
    <PageRoot className="insurance-enrol">
      <Text className="page__title">{renewing ? '续保申请' : '参保申请'}</Text>
      <LoadState data={loaded.data} error={loaded.error} onRetry={() => void loaded.reload()} loadingText="正在加载方案…">
        {(d) => <Body loaded={d} schemeKey={key} user={session.user!} />}
      </LoadState>
    </PageRoot>
  )
}

const backToCoverage = () => void Taro.redirectTo({ url: routes.insurance })

/**
 * The form only when the server would take it: a policy held outside the renewal window, or an application already
 * filed, is said before the rider fills anything in — the server refused it only after the whole form.
 */
function Body({ loaded: { item, held, open, last }, schemeKey, user }: { loaded: Loaded; schemeKey: string; user: UserView }) {
  if (!item) return <Notice kind="warn" title="没有找到这个方案">请回到“我的保障”重新选择。</Notice>
  if (item.state !== 'canEnrol') return <Notice kind="warn" title="这个方案您不能参加">{item.headline}</Notice>
  if (open) return <AlreadyFiled app={open} />
  if (held && !canRenew(held)) return <AlreadyHeld policy={held} />
  return <EnrolForm item={item} schemeKey={schemeKey} user={user} renewing={held} last={last} />
}

function AlreadyFiled({ app }: { app: ApplicationView }) {
  const approved = app.status === 'approved'
  return (
    <>
      <Notice title={approved ? '您的参保申请已通过，还没缴费' : '您已经申请过了'}>
        {approved ? `申请 ${app.caseNo} 已通过，缴费后第二天零点起保障一年。` : `申请 ${app.caseNo} 还在办理，进度和要您做的事都在申请详情里，不用再申请一次。`}
      </Notice>
      {approved ? (
        <ActionButton onClick={() => void Taro.redirectTo({ url: `${routes.insurancePay}?id=${encodeURIComponent(app.id)}` })}>去缴费</ActionButton>
      ) : (
        <ActionButton variant="secondary" onClick={() => void Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(app.id)}` })}>看审核进度</ActionButton>
      )}
    </>
  )
}

function AlreadyHeld({ policy }: { policy: PolicyView }) {
  return (
    <>
      <Notice title={`您已有这个保障，${policyStateWords(policy)}`}>
        {`保单 ${policy.number}，保障期间 ${periodWords(policy)}。到期前 ${RENEWAL_DAYS} 天起可以在“我的保障”里续保，到时会通知您。`}
      </Notice>
      <ActionButton variant="secondary" onClick={backToCoverage}>回到我的保障</ActionButton>
    </>
  )
}

function EnrolForm({ item, schemeKey, user, renewing, last }: { item: CoverageItem; schemeKey: string; user: UserView; renewing: PolicyView | null; last: ApplicationView | null }) {
  // A renewal (or a second try) starts from the last application's beneficiary: the same person, most of the time.
  // The declarations are asked again — they may have changed.
  const before = (last?.payload as Partial<InsuranceEnrolmentPayload> | undefined)?.beneficiary
  const [draft, update, clear] = useDraft<EnrolDraft>(enrolDraftKey(user.id, schemeKey), () => (before ? { ...emptyEnrol(), name: before.name, relation: before.relation, mobile: before.mobile } : emptyEnrol()))
  const action = useAction(InsuranceEnrolInput, (input, opts) => api.insurance.enrol(input, opts))
  const e = action.errors
  const edit = (patch: Partial<EnrolDraft>, field: string) => {
    update(patch)
    action.fail(without(field))
  }
  const send = async () => {
    await askForProgressNotices()
    const view = await action.run({
      schemeKey,
      // An unticked box is sent as it is: the schema (and the server) say under it why it must be ticked.
      declaration: { noWorkInjuryInsurance: draft.noWorkInjuryInsurance as true, registeredHere: draft.registeredHere as true },
      beneficiary: { name: draft.name, relation: draft.relation as (typeof RELATIONS)[number], mobile: draft.mobile },
    } satisfies z.input<typeof InsuranceEnrolInput>)
    if (!view) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: '已提交', icon: 'success' })
    await Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(view.id)}` })
  }
  return (
    <>
      <View className="ins-card">
        <Text className="ins-card__title">{item.name}</Text>
        <InfoRow label="费用">{item.cost}</InfoRow>
        {item.cap ? <InfoRow label="最高赔付">{item.cap}</InfoRow> : null}
        <InfoRow label="保什么">{item.benefits}</InfoRow>
        <InfoRow label="投保人">{`${user.profile!.realName}（${user.profile!.regionLabel}）`}</InfoRow>
      </View>
      <Text className="page__lead">
        {renewing
          ? `您现在的保单 ${renewing.number} 保到 ${lastDayWords(renewing)}。续保也要工作人员审核，通过了会通知您缴费；新保单从缴费后第二天零点起保障一年。`
          : '提交后工作人员会审核，通过了会通知您缴费；缴费后第二天零点起保障一年。'}
      </Text>
      <View className="ins-form">
        <Text className="section-title">请确认</Text>
        <ConsentToggle checked={draft.noWorkInjuryInsurance} onChange={(v) => edit({ noWorkInjuryInsurance: v }, 'declaration.noWorkInjuryInsurance')} error={e['declaration.noWorkInjuryInsurance']}>
          我没有参加工伤保险（有单位给交工伤保险的，不能参加这个保险）
        </ConsentToggle>
        <ConsentToggle checked={draft.registeredHere} onChange={(v) => edit({ registeredHere: v }, 'declaration.registeredHere')} error={e['declaration.registeredHere']}>
          我在本市登记为灵活就业人员（工作人员会核对登记信息）
        </ConsentToggle>
        <Text className="section-title">受益人</Text>
        <Text className="page__lead">万一身故，赔付给谁。一般填配偶、子女或父母。</Text>
        <TextField label="受益人姓名" placeholder="如 陆小梅" maxlength={20} value={draft.name} onChange={(name) => edit({ name }, 'beneficiary.name')} error={e['beneficiary.name']} />
        <ChipGroup label="和您的关系" options={relationOptions} value={draft.relation} onChange={(v) => edit({ relation: v as EnrolDraft['relation'] }, 'beneficiary.relation')} error={e['beneficiary.relation']} />
        <TextField label="受益人手机号" placeholder="11 位手机号" type="number" maxlength={11} value={draft.mobile} onChange={(mobile) => edit({ mobile }, 'beneficiary.mobile')} error={e['beneficiary.mobile']} />
        <SubmitBar problem={formProblem(action, LABELS)} busy={action.busy} busyText="正在提交…" onSubmit={() => void send()}>
          {renewing ? '提交续保申请' : '提交参保申请'}
        </SubmitBar>
      </View>
    </>
  )
}
