import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import * as z from 'zod/mini'
import { InsuranceEnrolInput, RELATIONS, RELATION_LABELS, type CoverageItem } from '~types/insurance.schema'
import type { UserView } from '~types/user.schema'
import { api } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
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
import { InfoRow } from '../../lib/info-row'
import { schemeKeyOf } from '../../lib/scheme'
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

/** 参保: the two things the worker declares, who receives a death benefit — then staff review, then the premium. */
export default function EnrolPage() {
  const session = useGuard()
  const { params } = useRouter()
  const key = params.scheme ?? ''
  const ready = !!session.user?.ready
  const coverage = useRemote(() => api.insurance.coverage({}), ready && !!key)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="insurance-enrol">
      <Text className="page__title">参保申请</Text>
      <LoadState data={coverage.data} error={coverage.error} onRetry={() => void coverage.reload()} loadingText="正在加载方案…">
        {(c) => {
          const item = c.items.find((i) => schemeKeyOf(i) === key && i.kind === 'commercial')
          if (!item) return <Notice kind="warn" title="没有找到这个方案">请回到“我的保障”重新选择。</Notice>
          if (item.state !== 'canEnrol') return <Notice kind="warn" title="这个方案您不能参加">{item.headline}</Notice>
          return <EnrolForm item={item} schemeKey={key} user={session.user!} />
        }}
      </LoadState>
    </PageRoot>
  )
}

function EnrolForm({ item, schemeKey, user }: { item: CoverageItem; schemeKey: string; user: UserView }) {
  const [draft, update, clear] = useDraft<EnrolDraft>(enrolDraftKey(user.id, schemeKey), emptyEnrol)
  const action = useAction(InsuranceEnrolInput, (input, opts) => api.insurance.enrol(input, opts))
  const e = action.errors
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
      <Text className="page__lead">提交后工作人员会审核，通过了会通知您缴费；缴费后第二天零点起保障一年。</Text>
      <View className="ins-form">
        <Text className="section-title">请确认</Text>
        <ConsentToggle checked={draft.noWorkInjuryInsurance} onChange={(v) => update({ noWorkInjuryInsurance: v })} error={e['declaration.noWorkInjuryInsurance']}>
          我没有参加工伤保险（有单位给交工伤保险的，不能参加这个保险）
        </ConsentToggle>
        <ConsentToggle checked={draft.registeredHere} onChange={(v) => update({ registeredHere: v })} error={e['declaration.registeredHere']}>
          我在本市登记为灵活就业人员（工作人员会核对登记信息）
        </ConsentToggle>
        <Text className="section-title">受益人</Text>
        <Text className="page__lead">万一身故，赔付给谁。一般填配偶、子女或父母。</Text>
        <TextField label="受益人姓名" placeholder="如 陆小梅" maxlength={20} value={draft.name} onChange={(name) => update({ name })} error={e['beneficiary.name']} />
        <ChipGroup label="和您的关系" options={relationOptions} value={draft.relation} onChange={(v) => update({ relation: v as EnrolDraft['relation'] })} error={e['beneficiary.relation']} />
        <TextField label="受益人手机号" placeholder="11 位手机号" type="number" maxlength={11} value={draft.mobile} onChange={(mobile) => update({ mobile })} error={e['beneficiary.mobile']} />
        <SubmitBar problem={formProblem(action, LABELS)} busy={action.busy} busyText="正在提交…" onSubmit={() => void send()}>
          提交参保申请
        </SubmitBar>
      </View>
    </>
  )
}
