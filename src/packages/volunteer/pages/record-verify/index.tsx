import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { chineseDate, hoursText, RecordRef, recordTotalMinutes, starText, type RecordCheckView } from '~types/volunteer-record.schema'
import { api } from '../../../../api/client'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import '../../lib/record.scss'

/**
 * 记录证明核验: anyone — an employer, a school, a station — checks a certificate number without signing in; the
 * holder's name is masked and no ID number is shown. The holder opens it from the certificate with the number filled in.
 */
export default function RecordVerifyPage() {
  const { params } = useRouter()
  const [number, setNumber] = useState(params.number ?? '')
  const [result, setResult] = useState<RecordCheckView | null>(null)
  const action = useAction(RecordRef, (input) => api.volunteer.verifyRecord(input))
  const check = async (n = number) => {
    setResult(null)
    const found = await action.run({ number: n })
    if (found) setResult(found)
  }
  useEffect(() => {
    if (params.number) void check(params.number)
  }, [])
  return (
    <PageRoot className="record-verify">
      <Text className="page__title">记录证明核验</Text>
      <Text className="page__lead">输入志愿服务记录证明上的编号，查看出具单位登记的时长和星级。</Text>
      <TextField
        label="证明编号"
        placeholder="如 ZYZM-2026-000123"
        maxlength={20}
        value={number}
        onChange={(v) => {
          setNumber(v)
          setResult(null)
        }}
        onConfirm={() => void check()}
        error={action.errors.number}
      />
      <SubmitBar problem={action.errors.number ? undefined : action.problem} busy={action.busy} busyText="正在查询…" onSubmit={() => void check()}>
        查询
      </SubmitBar>
      {result ? (
        <View className="record-check" role="region" aria-label="核验结果">
          <Text className="record-check__title">✓ 查到这份证明</Text>
          <Row label="编号">{result.number}</Row>
          <Row label="志愿者">{result.holderMasked}</Row>
          <Row label="服务时长">{`累计 ${hoursText(recordTotalMinutes(result.minutesConfirmed, result.minutesMakeUp))}（其中补录 ${hoursText(result.minutesMakeUp)}）`}</Row>
          <Row label="星级">{starText(result.stars)}</Row>
          <Row label="出具单位">{result.issuer}</Row>
          <Row label="出具日期">{chineseDate(result.issuedOn)}</Row>
          <Notice>时长和星级是出具当天的记录。姓名只显示姓，请与持证人的身份证核对。</Notice>
        </View>
      ) : null}
    </PageRoot>
  )
}

function Row({ label, children }: { label: string; children: string }) {
  return (
    <View className="record-check__row">
      <Text className="record-paper__label">{label}</Text>
      <Text className="record-paper__value">{children}</Text>
    </View>
  )
}
