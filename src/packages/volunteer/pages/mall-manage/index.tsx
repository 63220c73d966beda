import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { regionLabel } from '~types/regions'
import { RewardInput, REWARD_STATUS_LABELS, type StaffRewardView } from '~types/volunteer-mall.schema'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { AttachmentPicker } from '../../../../components/attachment-picker'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { errorSummary, scrollToFirstError } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { draftToInput, emptyReward, hasErrors, REWARD_LABELS, rewardDraftKey, rewardToDraft, volunteerDistricts, type RewardDraft } from '../../lib/mall'
import '../../lib/mall.scss'

type Editing = StaffRewardView | 'new' | null

/** 礼品管理: the rewards of my districts with what is left, held and collected — list, edit, withdraw; and the form. */
export default function MallManagePage() {
  const session = useGuard()
  const { params } = useRouter()
  const districts = volunteerDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const rewards = useRemote(() => api.volunteer.staffRewards({}), allowed)
  const [editing, setEditing] = useState<Editing>(params.edit === 'new' ? 'new' : null)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="礼品管理只对志愿服务工作人员开放">您没有志愿服务的工作权限。如果您负责区县的积分商城，请联系管理员授权。</NoAccess>

  if (editing) {
    const saved = editing === 'new' ? null : editing
    return (
      <DeskPage title={saved ? '编辑礼品' : '上架礼品'} lead={saved ? `${saved.name} · ${REWARD_STATUS_LABELS[saved.status]}：保存后兑换人马上看到修改` : '保存后马上上架，所在区县的志愿者就能兑换。'}>
        <RewardForm
          userId={session.user.id}
          districts={districts}
          saved={saved}
          onDone={() => {
            setEditing(null)
            void rewards.reload()
          }}
        />
      </DeskPage>
    )
  }
  return (
    <DeskPage title="礼品管理" lead={`积分商城 · ${districts.map(regionLabel).join('、')}。兑换人凭领取码到领取点领取，过期没领的积分和库存自动退回。`}>
      <View className="mall-actions">
        <ActionButton compact onClick={() => setEditing('new')}>
          上架礼品
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerPickup })}>
          兑换核销
        </ActionButton>
      </View>
      <LoadState
        data={rewards.data}
        error={rewards.error}
        onRetry={() => void rewards.reload()}
        loadingText="正在读取礼品…"
        empty={{ when: (d) => d.rows.length === 0, title: '还没有上架礼品', text: '点“上架礼品”添加第一件。' }}
      >
        {(d) => (
          <View role="list" aria-label="礼品">
            {d.rows.map((r) => (
              <RewardRow key={r.id} reward={r} onEdit={() => setEditing(r)} onChanged={() => void rewards.reload()} />
            ))}
          </View>
        )}
      </LoadState>
    </DeskPage>
  )
}

function RewardRow({ reward: r, onEdit, onChanged }: { reward: StaffRewardView; onEdit: () => void; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const offered = r.status === 'active' && !r.ended
  const setStatus = async (status: 'active' | 'withdrawn') => {
    if (status === 'withdrawn') {
      const { confirm } = await Taro.showModal({
        title: '下架这件礼品？',
        content: `下架后“${r.name}”不再能兑换；已经兑换、还没领取的 ${r.waiting} 件照常凭码领取。以后可以重新上架。`,
        confirmText: '下架',
        cancelText: '不下架',
      })
      if (!confirm) return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      await api.volunteer.setRewardStatus({ id: r.id, status }, { requestId: newRequestId() })
      void Taro.showToast({ title: status === 'withdrawn' ? '已下架' : '已上架', icon: 'success' })
      onChanged()
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }
  const state = r.status === 'withdrawn' ? '已下架' : r.ended ? '已过兑换期' : r.left > 0 ? '兑换中' : '已兑完'
  return (
    <View className={`mall-card${offered ? '' : ' mall-card--muted'}`} role="listitem" aria-label={r.name}>
      <View className="mall-card__top">
        {r.picture ? <Image className="mall-card__pic" src={r.picture} mode="aspectFill" /> : null}
        <View className="mall-card__main">
          <View className="mall-card__head">
            <Text className="mall-card__title">{r.name}</Text>
            <Text className={`mall-badge mall-badge--${offered && r.left > 0 ? 'good' : 'off'}`}>{state}</Text>
          </View>
          <Text className="mall-card__cost">{`${r.cost} 分 · 每人限兑 ${r.limitPerPerson} 件 · 截止 ${r.validUntil}`}</Text>
          <View className="mall-figures">
            <Text className="mall-card__line mall-card__line--strong">{`共 ${r.stock} 件`}</Text>
            <Text className="mall-card__line mall-card__line--strong">{`还剩 ${r.left} 件`}</Text>
            <Text className="mall-card__line">{`待领取 ${r.waiting} 件`}</Text>
            <Text className="mall-card__line">{`已领取 ${r.picked} 件`}</Text>
          </View>
          <Text className="mall-card__line">{`${regionLabel(r.district)} · ${r.pickupPlace}${r.pickupHours ? `（${r.pickupHours}）` : ''}`}</Text>
        </View>
      </View>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      <View className="mall-actions">
        <ActionButton compact variant="secondary" onClick={onEdit}>
          编辑
        </ActionButton>
        {r.status === 'active' ? (
          <ActionButton compact variant="danger" busy={busy} busyText="正在下架…" onClick={() => void setStatus('withdrawn')}>
            下架
          </ActionButton>
        ) : (
          <ActionButton compact busy={busy} busyText="正在上架…" onClick={() => void setStatus('active')}>
            重新上架
          </ActionButton>
        )}
      </View>
    </View>
  )
}

function RewardForm({ userId, districts, saved, onDone }: { userId: string; districts: string[]; saved: StaffRewardView | null; onDone: () => void }) {
  const initial = () => (saved ? rewardToDraft(saved) : emptyReward(districts))
  const key = rewardDraftKey(userId, saved?.id)
  const [d, update, clear] = useDraft<RewardDraft>(key, initial)
  const [touched, setTouched] = useState(() => !!Taro.getStorageSync(key))
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const [waitProblem, setWaitProblem] = useState<string>()
  const set = (patch: Partial<RewardDraft>) => {
    setTouched(true)
    update(patch)
  }
  const saving = useAction(RewardInput, (input, opts) => api.volunteer.saveReward(input, opts))
  const errors = saving.errors
  const districtOptions = districts.map((c) => ({ value: c, label: regionLabel(c) }))

  const save = async () => {
    setWaitProblem(undefined)
    if (uploading > 0) return setWaitProblem('图片还没有传完，请等一等')
    const out = await saving.run(draftToInput(d, saved?.id))
    if (!out) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: saved ? '已保存' : '已上架', icon: 'success' })
    onDone()
  }
  const discard = () => {
    clear()
    update(initial())
    setTouched(false)
    saving.reset()
  }
  const problem = waitProblem ?? (hasErrors(errors) ? errorSummary(errors, REWARD_LABELS) : saving.problem)

  return (
    <View className="mall-form" role="form" aria-label="礼品信息">
      {touched ? (
        <View className="mall-draft-note" role="status">
          <Text>{saved ? '这里有您上次没保存的修改。' : '这是您上次没保存的草稿。'}</Text>
          <View className="mall-link" role="button" onClick={discard}>
            {saved ? '放弃修改，恢复成已保存的' : '清空重填'}
          </View>
        </View>
      ) : null}
      {districts.length > 1 || saved ? (
        <ChipGroup label="所在区县" options={saved ? districtOptions.filter((o) => o.value === saved.district) : districtOptions} value={d.district} onChange={(district) => set({ district })} error={errors.district} hint="这个区县的志愿者能看到和兑换" />
      ) : (
        <Text className="mall-card__line">{`所在区县：${regionLabel(d.district)}`}</Text>
      )}
      <TextField label="礼品名称" placeholder="如 雨衣（分体式）" maxlength={30} value={d.name} onChange={(name) => set({ name })} error={errors.name} />
      {saved?.picture && d.picture[0]?.fileId === saved.pictureId ? <Image className="mall-form__preview" src={saved.picture} mode="aspectFill" /> : null}
      <AttachmentPicker label="图片（选填）" hint="一张礼品照片（JPG、PNG）" max={1} value={d.picture} onChange={(picture) => set({ picture })} onUploadingChange={onUploadingChange} error={errors.picture} />
      <TextField label="所需积分" type="number" placeholder="如 800" maxlength={6} value={d.cost} onChange={(cost) => set({ cost })} error={errors.cost} hint="昆山参考：1 小时志愿服务记 10 分，礼品 800–3800 分" />
      <TextField
        label="数量（件）"
        type="number"
        placeholder="如 20"
        maxlength={6}
        value={d.stock}
        onChange={(stock) => set({ stock })}
        error={errors.stock}
        hint={saved ? `已兑出 ${saved.stock - saved.left} 件（含待领取的），数量不能少于这个数` : '兑完就显示“已兑完”；过期没领的会自动放回'}
      />
      <TextField label="每人限兑（件）" type="number" placeholder="如 1" maxlength={2} value={d.limitPerPerson} onChange={(limitPerPerson) => set({ limitPerPerson })} error={errors.limitPerPerson} />
      <TextField label="领取地点" placeholder="如 崇川区和平桥暖心驿站（工农路 18 号）" maxlength={60} value={d.pickupPlace} onChange={(pickupPlace) => set({ pickupPlace })} error={errors.pickupPlace} />
      <TextField label="领取时间（选填）" placeholder="如 每天 9:00–21:00" maxlength={40} value={d.pickupHours} onChange={(pickupHours) => set({ pickupHours })} error={errors.pickupHours} />
      <TextField label="兑换截止日期" placeholder="如 2027-03-31" maxlength={12} value={d.validUntil} onChange={(validUntil) => set({ validUntil })} error={errors.validUntil} hint="这一天（含）之后不能再兑换" />
      <TextArea label="说明（选填）" placeholder="尺码、颜色、使用说明" maxlength={200} showCount value={d.description} onChange={(description) => set({ description })} error={errors.description} />
      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      <View className="mall-actions">
        <ActionButton busy={saving.busy} busyText="正在保存…" onClick={() => void save()}>
          {saved ? '保存修改' : '保存并上架'}
        </ActionButton>
        <ActionButton variant="secondary" onClick={onDone}>
          返回列表
        </ActionButton>
      </View>
    </View>
  )
}
