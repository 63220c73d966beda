import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import * as z from 'zod/mini'
import { CORRECTION_KINDS, CORRECTION_KIND_LABELS, CorrectionInput } from '~types/station.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextArea } from '../../../../components/text-area'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { routes } from '../../../../routes'
import { restoreSession, useSession } from '../../../../store/session'
import { correctionDraftKey, type CorrectionDraft } from '../../lib/draft'
import '../../lib/station.scss'

const LABELS: Record<string, string> = { kind: '哪里不对', note: '说一下情况' }
const kindOptions = CORRECTION_KINDS.map((k) => ({ value: k, label: CORRECTION_KIND_LABELS[k] }))

const PLACEHOLDERS: Record<CorrectionDraft['kind'], string> = {
  '': '先选上面哪里不对，再说一下看到的情况',
  closed: '如 门口贴了通知，已经搬走了',
  hours: '如 晚上 9 点就关门了，不是 22:00',
  serviceMissing: '如 微波炉坏了，没法热饭',
  location: '如 在加油站后面，不在路口',
  other: '如 电话打不通',
}

/** WeChat hands a page its query still encoded, the browser decoded; a name with a stray % stays as it came. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * 信息有误: a rider who found a station closed, with other hours or without the microwave says so in two taps and a
 * line. What is typed is kept on the phone until it is sent (a dead zone is where riders find out), and a retry of
 * the same words is the same report.
 */
export default function CorrectionPage() {
  const { params } = useRouter()
  const stationId = params.id ?? ''
  const name = decoded(params.name ?? '')
  const [draft, update, clear] = useDraft<CorrectionDraft>(correctionDraftKey(stationId), () => ({ kind: '', note: '' }))
  const action = useAction(CorrectionInput, (input, opts) => api.station.correct(input, opts))
  const [sent, setSent] = useState(false)
  // Anyone may read a station; telling staff it is wrong takes a signed-in worker, so the thanks can reach them.
  const session = useSession()
  useEffect(() => {
    if (session.status === 'unknown' && !session.error) void restoreSession()
  }, [])
  const signedOut = session.status === 'signedOut'
  const incomplete = !!session.user && !session.user.ready

  const send = async () => {
    const done = await action.run({ stationId, kind: draft.kind as (typeof CORRECTION_KINDS)[number], note: draft.note } satisfies z.input<typeof CorrectionInput>)
    if (!done) return scrollToFirstError()
    clear()
    setSent(true)
  }

  if (sent) {
    return (
      <PageRoot className="station-correct">
        <Text className="page__title">✓ 谢谢您</Text>
        <Text className="page__lead">{`已经告诉管${name ? `“${name}”` : '这个驿站'}的工作人员了。他们核实后会改过来，处理结果会在“消息”里告诉您。`}</Text>
        <ActionButton onClick={() => void Taro.navigateBack({ delta: 1 })}>回到驿站</ActionButton>
      </PageRoot>
    )
  }
  return (
    <PageRoot className="station-correct">
      <Text className="page__title">信息有误</Text>
      <Text className="page__lead">{`${name ? `“${name}”` : '这个驿站'}哪里和实际不一样？工作人员会去核实。`}</Text>
      <ChipGroup label={LABELS.kind} options={kindOptions} value={draft.kind} onChange={(v) => update({ kind: v as CorrectionDraft['kind'] })} error={action.errors.kind} />
      <TextArea label={LABELS.note} placeholder={PLACEHOLDERS[draft.kind]} maxlength={200} showCount value={draft.note} onChange={(note) => update({ note })} error={action.errors.note} />
      <View className="st-section__note">
        <Text>不用写您的名字和电话。写了的内容会先存在手机上，没发出去也不会丢。</Text>
      </View>
      {signedOut || incomplete ? (
        <>
          <Notice kind="warn" title={signedOut ? '要先登录才能发送' : '要先填好个人资料才能发送'}>
            工作人员核实后会在“消息”里告诉您结果。写好的内容会留在手机上，回来接着发。
          </Notice>
          <ActionButton onClick={() => void Taro.navigateTo({ url: signedOut ? routes.signin : routes.profile })}>{signedOut ? '去登录' : '去填个人资料'}</ActionButton>
        </>
      ) : (
        <SubmitBar problem={formProblem(action, LABELS)} busy={action.busy} busyText="正在发送…" onSubmit={() => void send()}>
          发给工作人员
        </SubmitBar>
      )}
    </PageRoot>
  )
}
