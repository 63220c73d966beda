import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '~types/errors'
import { regionLabel } from '~types/regions'
import { fieldErrors } from '~types/validation'
import { WEEKDAY_LABELS } from '~types/station-hours'
import { SetStationStatusInput, STATION_SERVICES, STATION_SERVICE_LABELS, STATION_TYPES, STATION_TYPE_LABELS, StationInput, type StationDetail, type StationService, type StationType } from '~types/station.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { AttachmentPicker } from '../../../../components/attachment-picker'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { errorSummary, scrollToFirstError } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { dayText, draftToInput, emptyStation, splitPair, stationDistricts, stationDraftKey, stationErrorLabels, stationToDraft, statusWords, type StationDraft } from '../../lib/manage'
import '../../lib/manage.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
const typeOptions = STATION_TYPES.map((t) => ({ value: t, label: STATION_TYPE_LABELS[t] }))
const serviceOptions = STATION_SERVICES.map((s) => ({ value: s, label: STATION_SERVICE_LABELS[s] }))
const HOURS_HINT = '如 08:00-20:00；中午休息写 08:00-12:00,14:00-20:00；跨夜写 18:00-02:00；全天写 24小时；不开写 休息'

/** 新建驿站 / 编辑驿站 (?id=): the station form, kept as a draft on the device until it is saved; then its status. */
export default function EditPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const districts = stationDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const station = useRemote(() => api.station.manage({ id }), allowed && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有驿站工作人员可以编辑驿站">您没有暖心驿站的工作权限。</NoAccess>
  const userId = session.user.id
  const preferred = params.district && districts.includes(params.district) ? [params.district] : districts
  if (!id) {
    return (
      <DeskPage title="新建驿站" lead="保存后骑手马上就能在“附近的驿站”里找到它。">
        <StationForm userId={userId} districts={districts} preferred={preferred} saved={null} onSaved={() => undefined} />
      </DeskPage>
    )
  }
  return (
    <DeskPage title="编辑驿站">
      <LoadState data={station.data} error={station.error} onRetry={() => void station.reload()} loadingText="正在读取驿站…">
        {(s) => (
          <>
            <StationForm userId={userId} districts={districts} preferred={preferred} saved={s} onSaved={() => void station.reload()} />
            <StatusForm station={s} onChanged={() => void station.reload()} />
          </>
        )}
      </LoadState>
    </DeskPage>
  )
}

function StationForm({ userId, districts, preferred, saved, onSaved }: { userId: string; districts: string[]; preferred: string[]; saved: StationDetail | null; onSaved: () => void }) {
  const initial = () => (saved ? stationToDraft(saved) : emptyStation(preferred))
  const key = stationDraftKey(userId, saved?.id)
  const [d, update, clear] = useDraft<StationDraft>(key, initial)
  const [touched, setTouched] = useState(() => !!Taro.getStorageSync(key))
  const [uploading, setUploading] = useState(0)
  const set = (patch: Partial<StationDraft>) => {
    setTouched(true)
    update(patch)
  }
  const saving = useAction(StationInput, (input, opts) => api.station.save(input, opts))
  const errors: FieldErrors = saving.errors
  const labels = stationErrorLabels()

  const save = async () => {
    if (uploading) {
      saving.fail({ photos: '照片还在上传，等传完再保存' })
      return
    }
    const { input, errors: typos } = draftToInput(d)
    if (Object.keys(typos).length) {
      // The schema's own errors too, at once: the clerk fixes everything in one go.
      const parsed = StationInput.safeParse({ ...input, longitude: 120, latitude: 32 })
      const rest = parsed.success ? {} : fieldErrors(parsed.error)
      saving.fail({ ...rest, ...typos })
      scrollToFirstError()
      return
    }
    const out = await saving.run(input)
    if (!out) {
      scrollToFirstError()
      return
    }
    clear()
    setTouched(false)
    void Taro.showToast({ title: saved ? '已保存' : '已新建', icon: 'success' })
    if (saved) onSaved()
    else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: routes.stationManage })
  }

  const discard = () => {
    clear()
    update(initial())
    setTouched(false)
    saving.reset()
  }

  const setDay = (i: number, text: string) => set({ hours: d.hours.map((h, j) => (j === i ? text : h)) })
  const setLongitude = (text: string) => {
    const pair = splitPair(text)
    set(pair ?? { longitude: text })
  }
  const pickOnMap = async () => {
    const place = await Taro.chooseLocation({ ...(d.latitude && d.longitude ? { latitude: Number(d.latitude), longitude: Number(d.longitude) } : {}) }).catch(() => null)
    if (place) set({ longitude: place.longitude.toFixed(6), latitude: place.latitude.toFixed(6), ...(d.address ? {} : { address: place.address }) })
  }

  const hasErrors = Object.keys(errors).length > 0
  const problem = hasErrors ? errorSummary(errors, labels) : saving.problem

  return (
    <View className="sm-form" role="form" aria-label="驿站信息">
      {saved ? <Text className="page__lead sm-form__lead">{`${saved.name} · ${statusWords(saved)} · 上次核实 ${dayText(saved.lastCheckedAt)}`}</Text> : null}
      {touched && saved ? (
        <View className="sm-draft-note" role="status">
          <Text>这里有您上次没保存的修改。</Text>
          <View className="sm-link" role="button" onClick={discard}>
            放弃修改，恢复成已保存的
          </View>
        </View>
      ) : null}

      <TextField label="名称" placeholder="如 南大街暖心驿站" maxlength={40} value={d.name} onChange={(name) => set({ name })} error={errors.name} />
      <ChipGroup label="类型" options={typeOptions} value={d.type} onChange={(v) => set({ type: v as StationType })} error={errors.type} />
      {districts.length > 1 ? (
        <ChipGroup label="所在区县" options={districts.map((c) => ({ value: c, label: regionLabel(c) }))} value={d.district} onChange={(district) => set({ district })} error={errors.district} hint="只能选您负责驿站工作的区县" />
      ) : null}
      <TextField label="地址" placeholder="如 崇川区南大街 28 号（骑手照着能找到）" maxlength={80} value={d.address} onChange={(address) => set({ address })} error={errors.address} />

      <View className="sm-fieldset" role="group" aria-label="位置">
        <Text className="section-title">位置</Text>
        <Text className="sm-hint">
          怎么取经纬度：在电脑上打开腾讯地图的“坐标拾取器”，点中驿站门口，复制右边的坐标（先经度后纬度），粘到“经度”框里，两个框会一起填好。百度地图的坐标会偏几百米，不要用。
        </Text>
        {isWeapp ? (
          <ActionButton compact variant="secondary" onClick={() => void pickOnMap()}>
            在地图上选
          </ActionButton>
        ) : null}
        <View className="sm-pair">
          <TextField label="经度" placeholder="如 120.8645" maxlength={40} value={d.longitude} onChange={setLongitude} error={errors.longitude} />
          <TextField label="纬度" placeholder="如 32.0106" maxlength={20} value={d.latitude} onChange={(latitude) => set({ latitude })} error={errors.latitude} />
        </View>
      </View>

      <TextField label="电话（选填）" placeholder="如 0513-85123456" maxlength={20} value={d.phone} onChange={(phone) => set({ phone })} error={errors.phone} hint="骑手点一下就能拨打" />

      <View className="sm-fieldset" role="group" aria-label="开放时间">
        <Text className="section-title">开放时间</Text>
        <Text className="sm-hint">{HOURS_HINT}</Text>
        {errors.hours ? <Notice kind="warn">{errors.hours}</Notice> : null}
        {WEEKDAY_LABELS.map((w, i) => (
          <View className="sm-day" key={w}>
            <TextField label={w} placeholder="如 08:00-20:00" maxlength={60} value={d.hours[i] ?? ''} onChange={(t) => setDay(i, t)} error={errors[`hours.${i}`]} />
            {i > 0 ? (
              <View className="sm-link sm-day__copy" role="button" aria-label={`${w}同周一`} onClick={() => setDay(i, d.hours[0])}>
                同周一
              </View>
            ) : null}
          </View>
        ))}
        <ActionButton compact variant="secondary" onClick={() => set({ hours: Array(7).fill(d.hours[0]) })}>
          周二到周日都同周一
        </ActionButton>
        <TextField label="节假日开放时间（选填）" placeholder="如 09:00-17:00，不开写 休息" maxlength={60} value={d.holidayHours} onChange={(holidayHours) => set({ holidayHours })} error={errors.holidayHours} hint="法定节假日和平时不一样才填；空着就按当天星期几的时间" />
        <TextField label="节假日说明（选填）" placeholder="如 春节期间 2月10日至17日暂停开放" maxlength={80} value={d.holidayNote} onChange={(holidayNote) => set({ holidayNote })} error={errors.holidayNote} />
      </View>

      <ChipGroup multiple label="服务" options={serviceOptions} value={d.services} onChange={(v) => set({ services: v as StationService[] })} error={errors.services} hint="可以多选：骑手按服务筛选驿站" />
      <AttachmentPicker photosOnly label="照片" hint="门口和里面各一张，骑手好认；最多 6 张" max={6} value={d.photos} onChange={(photos) => set({ photos })} onUploadingChange={setUploading} error={errors.photos} />

      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      <View className="sm-actions">
        <ActionButton busy={saving.busy} busyText="正在保存…" onClick={() => void save()}>
          {saved ? '保存修改' : '保存驿站'}
        </ActionButton>
      </View>
    </View>
  )
}

const statusOptions = [
  { value: 'open', label: '开放' },
  { value: 'paused', label: '暂停开放' },
  { value: 'closed', label: '停用' },
]

/** 暂停 / 停用 / 恢复开放, with the reason riders read and the day it opens again. */
function StatusForm({ station: s, onChanged }: { station: StationDetail; onChanged: () => void }) {
  const [status, setStatus] = useState<'open' | 'paused' | 'closed'>(s.status)
  const [reason, setReason] = useState(s.pauseReason ?? '')
  const [until, setUntil] = useState(s.pausedUntil ? dayText(s.pausedUntil) : '')
  const action = useAction(SetStationStatusInput, (input, opts) => api.station.setStatus(input, opts))
  const changed = status !== s.status || (status !== 'open' && (reason !== (s.pauseReason ?? '') || (status === 'paused' && until !== (s.pausedUntil ? dayText(s.pausedUntil) : ''))))

  const submit = async () => {
    if (status === 'closed') {
      const { confirm } = await Taro.showModal({ title: '停用这个驿站？', content: `停用后“${s.name}”不再出现在骑手的附近驿站里。以后可以在这里恢复开放。`, confirmText: '停用', cancelText: '不停用' })
      if (!confirm) return
    }
    const out = await action.run({ id: s.id, status, ...(status === 'paused' ? { until: until.trim() } : {}), ...(status !== 'open' ? { reason: reason.trim() } : {}) })
    if (!out) return scrollToFirstError()
    void Taro.showToast({ title: status === 'open' ? '已恢复开放' : status === 'paused' ? '已暂停' : '已停用', icon: 'success' })
    onChanged()
  }

  return (
    <View className="sm-fieldset" role="group" aria-label="暂停或停用">
      <Text className="section-title">暂停或停用</Text>
      <Text className="sm-hint">{`现在：${statusWords(s)}`}</Text>
      <ChipGroup label="状态" options={statusOptions} value={status} onChange={(v) => setStatus(v as typeof status)} error={action.errors.status} />
      {status !== 'open' ? (
        <TextField label={status === 'paused' ? '暂停原因（骑手会看到）' : '停用原因'} placeholder={status === 'paused' ? '如 内部装修' : '如 场地收回'} maxlength={80} value={reason} onChange={setReason} error={action.errors.reason} />
      ) : null}
      {status === 'paused' ? <TextField label="哪天恢复开放" placeholder="如 2026-12-20" maxlength={12} value={until} onChange={setUntil} error={action.errors.until} hint="到这一天自动恢复开放" /> : null}
      {action.problem && !Object.keys(action.errors).length ? <Notice kind="warn">{action.problem}</Notice> : null}
      {/* Open and left open: nothing to do here, so no button that reads 恢复开放. */}
      {status === 'open' && s.status === 'open' ? null : (
        <View className="sm-actions">
          <ActionButton variant={status === 'closed' ? 'danger' : 'secondary'} disabled={!changed} busy={action.busy} busyText="正在保存…" onClick={() => void submit()}>
            {status === 'open' ? '恢复开放' : status === 'paused' ? (s.status === 'paused' ? '保存暂停信息' : '暂停开放') : s.status === 'closed' ? '保存停用原因' : '停用驿站'}
          </ActionButton>
        </View>
      )}
    </View>
  )
}
