import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatDateTime } from '~types/format'
import { normalizeCode, PickupCodeInput, spacedCode, type PickupView } from '~types/volunteer-mall.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { DeskPage } from '../../../../components/desk-page'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { STATE_WORDS, volunteerDistricts } from '../../lib/mall'
import '../../lib/mall.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** The 8 digits in whatever a scan answers (our QR holds just the code; a pasted line may carry more). */
const digitsOf = (text: string) => /\d{8}/.exec(normalizeCode(text))?.[0] ?? normalizeCode(text)

/**
 * 兑换核销 at the pickup place: scan the worker's QR code (WeChat) or type the code they read out (anywhere) → the
 * reward and their masked name → hand it over and confirm. Valid once: a code already collected says when.
 */
export default function PickupPage() {
  const session = useGuard()
  const districts = volunteerDistricts(session.user)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!districts.length) return <NoAccess title="兑换核销只对志愿服务工作人员开放">您没有志愿服务的工作权限。如果您在驿站负责发放礼品，请联系管理员授权。</NoAccess>
  return (
    <DeskPage title="兑换核销" lead="扫描兑换人的领取码，或输入他报出的 8 位数字，核对礼品和姓名后交给他，再点“确认已领取”。">
      <Desk />
    </DeskPage>
  )
}

function Desk() {
  const [code, setCode] = useState('')
  const [found, setFound] = useState<PickupView | null>(null)
  const [done, setDone] = useState<PickupView | null>(null)
  const lookup = useAction(PickupCodeInput, (input) => api.volunteer.lookupCode(input))
  const confirm = useAction(PickupCodeInput, (input, opts) => api.volunteer.pickup(input, opts))

  const find = async (text = code) => {
    setDone(null)
    setFound(null)
    confirm.reset()
    const view = await lookup.run({ code: text })
    if (view) setFound(view)
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const digits = digitsOf(res.result)
      setCode(digits)
      await find(digits)
    } catch {
      // Closed the camera: nothing to do.
    }
  }

  const handOver = async () => {
    if (!found) return
    const view = await confirm.run({ code: found.code })
    if (view) {
      setDone(view)
      setFound(view)
      setCode('')
      void Taro.showToast({ title: '已核销', icon: 'success' })
      return
    }
    // Refused (picked up at another desk a moment ago, just expired): show the code as it stands now.
    const fresh = await api.volunteer.lookupCode({ code: found.code }).catch(() => null)
    if (fresh) setFound(fresh)
  }

  return (
    <>
      {isWeapp ? (
        <ActionButton onClick={() => void scan()}>扫领取码</ActionButton>
      ) : null}
      <TextField
        label="领取码"
        type="number"
        placeholder="8 位数字"
        maxlength={8}
        value={code}
        onChange={(v) => setCode(v)}
        onConfirm={() => void find()}
        error={lookup.errors.code}
      />
      <ActionButton variant={isWeapp ? 'secondary' : 'primary'} busy={lookup.busy} busyText="正在查询…" onClick={() => void find()}>
        查询
      </ActionButton>
      {lookup.problem && !lookup.errors.code ? (
        <View role="alert">
          <Notice kind="warn">{lookup.problem}</Notice>
        </View>
      ) : null}
      {found ? <Found view={found} done={!!done} busy={confirm.busy} problem={confirm.problem} onConfirm={() => void handOver()} /> : null}
    </>
  )
}

function Found({ view: v, done, busy, problem, onConfirm }: { view: PickupView; done: boolean; busy: boolean; problem?: string; onConfirm: () => void }) {
  const canHandOver = v.state === 'waiting' && !v.overdue
  return (
    <View className="mall-card mall-pickup__result" role="region" aria-label="兑换信息">
      <View className="mall-card__top">
        {v.picture ? <Image className="mall-card__pic" src={v.picture} mode="aspectFill" /> : null}
        <View className="mall-card__main">
          <Text className="mall-card__title">{v.rewardName}</Text>
          <Text className="mall-card__line mall-card__line--strong">{`兑换人：${v.name}`}</Text>
          <Text className="mall-card__line">{`领取码 ${spacedCode(v.code)} · ${v.cost} 分 · ${formatDateTime(v.createdAt)} 兑换`}</Text>
          <Text className="mall-card__line">{`领取地点：${v.pickupPlace}`}</Text>
          <Text className="mall-card__line">{`状态：${v.overdue ? '已过期（等待退回积分）' : STATE_WORDS[v.state]}`}</Text>
        </View>
      </View>
      {done ? (
        <Notice title={`✓ 已核销：${v.rewardName}`}>{`${formatDateTime(v.pickedAt!)} 交给 ${v.name}。这个领取码不能再用。`}</Notice>
      ) : v.state === 'picked' ? (
        <View role="alert">
          <Notice kind="warn" title="这个码已经领取过了">{`已在 ${formatDateTime(v.pickedAt!)} 领取，不能再领。`}</Notice>
        </View>
      ) : !canHandOver ? (
        <Notice kind="warn" title="这个码已过期">{`应在 ${formatDateTime(v.expiresAt)} 前领取。${v.state === 'expired' ? '积分已退回兑换人' : '积分会退回兑换人'}，需要的话请他重新兑换。`}</Notice>
      ) : (
        <>
          <Text className="mall-card__line">{`请在 ${formatDateTime(v.expiresAt)} 前领取。核对姓名后把礼品交给兑换人，再确认。`}</Text>
          {problem ? (
            <View role="alert">
              <Notice kind="warn">{problem}</Notice>
            </View>
          ) : null}
          <ActionButton busy={busy} busyText="正在核销…" onClick={onConfirm}>
            {`确认已领取（交给 ${v.name}）`}
          </ActionButton>
        </>
      )}
    </View>
  )
}
