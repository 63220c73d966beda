import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { SKILL_LEVEL_LABELS, VerifyInput, type VerifyView } from '~types/academy.schema'
import { api } from '../../../../api/client'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { InfoRow } from '../../lib/info-row'
import '../../lib/academy.scss'

/**
 * 证书核验: anyone — an employer, a station — checks a certificate number without an account; the holder's name is
 * masked. A holder opens it from 我的学习 with the number filled in, to show.
 */
export default function VerifyPage() {
  const { params } = useRouter()
  const [number, setNumber] = useState(params.number ?? '')
  const [result, setResult] = useState<VerifyView | null>(null)
  const action = useAction(VerifyInput, (input) => api.academy.verify(input))
  const check = async (n = number) => {
    const found = await action.run({ number: n })
    if (found) setResult(found)
  }
  useEffect(() => {
    if (params.number) void check(params.number)
  }, [])
  return (
    <PageRoot className="verify">
      <Text className="page__title">证书核验</Text>
      <Text className="page__lead">输入职业技能等级证书编号，查看江海新才学院登记的信息。</Text>
      <TextField label="证书编号" placeholder="如 S032632320613265000001" maxlength={30} value={number} onChange={(v) => { setNumber(v); setResult(null) }} error={action.errors.number} />
      <SubmitBar problem={Object.keys(action.errors).length ? undefined : action.problem} busy={action.busy} busyText="正在查询…" onSubmit={() => void check()}>
        查询
      </SubmitBar>
      {result ? (
        result.found ? (
          <View className="academy-card" role="region" aria-label="核验结果">
            <Text className="offer__title">{result.source === 'academy' ? '✓ 学院颁发的证书' : '持证人自行登记的证书'}</Text>
            <InfoRow label="编号">{result.number}</InfoRow>
            <InfoRow label="持证人">{result.holderMasked!}</InfoRow>
            <InfoRow label="职业">{result.occupation!}</InfoRow>
            <InfoRow label="等级">{SKILL_LEVEL_LABELS[result.level!]}</InfoRow>
            <InfoRow label="发证日期">{result.issuedOn!}</InfoRow>
            <InfoRow label="发证单位">{result.issuer!}</InfoRow>
            {result.source === 'external' ? <Text className="offer__line">这张证书是持证人自己登记的，学院没有核验；请到国家或江苏职业技能等级证书查询网站核对。</Text> : null}
          </View>
        ) : (
          <Notice kind="warn" title="没有查到">{`学院没有登记编号 ${result.number} 的证书。请核对编号，或到国家职业技能等级证书查询网站查询。`}</Notice>
        )
      ) : null}
    </PageRoot>
  )
}
