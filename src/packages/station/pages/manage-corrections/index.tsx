import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { formatDateTime } from '~types/format'
import { regionLabel } from '~types/regions'
import { CORRECTION_STATE_LABELS, CORRECTION_STATES, DecideCorrectionInput, type CorrectionState, type CorrectionView } from '~types/station-correction.schema'
import { WEEKDAY_LABELS } from '~types/station-hours'
import { parsePositionCells } from '~types/station-csv'
import { CORRECTION_KIND_LABELS, STATION_SERVICES, STATION_SERVICE_LABELS, type StationDetail, type StationService } from '~types/station.schema'
import type * as z from 'zod/mini'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { stationDistricts, statusWords } from '../../lib/manage'
import '../../lib/manage.scss'

const stateOptions = CORRECTION_STATES.map((s) => ({ value: s, label: CORRECTION_STATE_LABELS[s] }))
const serviceOptions = STATION_SERVICES.map((s) => ({ value: s, label: STATION_SERVICE_LABELS[s] }))

/** 信息有误反馈: what riders reported about the district's stations, oldest first — accept (and fix) or dismiss. */
export default function CorrectionsPage() {
  const session = useGuard()
  const { params } = useRouter()
  const districts = stationDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const [district, setDistrict] = useState(params.district && districts.includes(params.district) ? params.district : districts[0])
  const [state, setState] = useState<CorrectionState>('open')
  const list = useRemote(() => api.station.corrections({ district, state }), allowed)
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current && allowed) void list.reload()
    mounted.current = true
  }, [district, state])
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有驿站工作人员可以处理反馈">您没有暖心驿站的工作权限。</NoAccess>
  return (
    <DeskPage title="信息有误反馈" lead={`骑手在驿站页面点“信息有误”发来的，${regionLabel(district)}。核实后采纳（顺手改好驿站）或不采纳（写一句原因），反馈的人都会在“消息”里收到感谢。`}>
      {districts.length > 1 ? <ChipGroup label="区县" options={districts.map((c) => ({ value: c, label: regionLabel(c) }))} value={district} onChange={setDistrict} /> : null}
      <ChipGroup label="状态" options={stateOptions} value={state} onChange={(v) => setState(v as CorrectionState)} />
      <LoadState
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在读取反馈…"
        empty={{ when: (d) => !d.length, title: state === 'open' ? '✓ 没有待核实的反馈' : `没有${CORRECTION_STATE_LABELS[state]}的反馈` }}
      >
        {(rows) => (
          <View role="list" aria-label="反馈" className="sm-list">
            {rows.map((c) => (
              <CorrectionRow key={c.id} correction={c} onDecided={() => void list.reload()} />
            ))}
          </View>
        )}
      </LoadState>
    </DeskPage>
  )
}

type Fix = 'none' | 'paused' | 'closed' | 'hours' | 'services' | 'location'
const FIX_LABELS: Record<Fix, string> = { none: '不用改（已改好或情况属实无需改）', paused: '暂停开放', closed: '停用', hours: '改开放时间', services: '改服务', location: '改位置' }
const FIX_OF_KIND: Record<CorrectionView['kind'], Fix> = { closed: 'paused', hours: 'hours', serviceMissing: 'services', location: 'location', other: 'none' }

function CorrectionRow({ correction: c, onDecided }: { correction: CorrectionView; onDecided: () => void }) {
  const [open, setOpen] = useState<'accept' | 'dismiss' | null>(null)
  return (
    <View className="sm-row" role="listitem" aria-label={`${c.stationName}：${CORRECTION_KIND_LABELS[c.kind]}`}>
      <View className="sm-row__top">
        <View className="sm-row__title">
          <Text className="sm-row__type">{formatDateTime(c.createdAt)}</Text>
          <Text className="sm-row__name">{c.stationName}</Text>
        </View>
        <Text className={`sm-status${c.state === 'open' ? ' sm-status--paused' : ''}`}>{`${c.state === 'open' ? '○' : c.state === 'accepted' ? '✓' : '×'} ${CORRECTION_STATE_LABELS[c.state]}`}</Text>
      </View>
      <Text className="sm-row__line">
        <Text className="sm-correction__kind">{CORRECTION_KIND_LABELS[c.kind]}</Text>
        {`：${c.note}`}
      </Text>
      {c.state !== 'open' ? <Text className="sm-row__line">{`${c.decidedAt ? formatDateTime(c.decidedAt) : ''} ${c.changeText ?? (c.state === 'accepted' ? '已采纳' : '没有改动')}${c.decisionNote ? `；说明：${c.decisionNote}` : ''}`}</Text> : null}
      {c.state === 'open' ? (
        <>
          <View className="sm-actions">
            <ActionButton compact variant={open === 'accept' ? 'primary' : 'secondary'} onClick={() => setOpen(open === 'accept' ? null : 'accept')}>
              采纳
            </ActionButton>
            <ActionButton compact variant="secondary" onClick={() => setOpen(open === 'dismiss' ? null : 'dismiss')}>
              不采纳
            </ActionButton>
            <View className="sm-link sm-day__copy" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.stationManageEdit}?id=${c.stationId}` })}>
              打开驿站编辑
            </View>
          </View>
          {open ? <Decide correction={c} accept={open === 'accept'} onDone={onDecided} /> : null}
        </>
      ) : null}
    </View>
  )
}

function Decide({ correction: c, accept, onDone }: { correction: CorrectionView; accept: boolean; onDone: () => void }) {
  const station = useRemote(() => api.station.manage({ id: c.stationId }), accept)
  const [fix, setFix] = useState<Fix>(FIX_OF_KIND[c.kind])
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [hours, setHours] = useState<string[] | null>(null)
  const [services, setServices] = useState<StationService[] | null>(null)
  const [lng, setLng] = useState<string | null>(null)
  const [lat, setLat] = useState<string | null>(null)
  const action = useAction(DecideCorrectionInput, (input, opts) => api.station.decideCorrection(input, opts))
  const s = station.data
  const e = action.errors

  const changeOf = (st: StationDetail | null): z.input<typeof DecideCorrectionInput>['change'] => {
    if (!accept || fix === 'none' || !st) return undefined
    if (fix === 'paused' || fix === 'closed') return { kind: 'status', status: fix, ...(fix === 'paused' ? { until: until.trim() } : {}), reason }
    if (fix === 'hours') return { kind: 'hours', hours: (hours ?? st.hours) as never }
    if (fix === 'services') return { kind: 'services', services: services ?? st.services }
    const p = parsePositionCells(lng ?? String(st.longitude), lat ?? String(st.latitude))
    return { kind: 'location', longitude: p.longitude.ok ? p.longitude.value : Number.NaN, latitude: p.latitude.ok ? p.latitude.value : Number.NaN }
  }

  const submit = async () => {
    const out = await action.run({ id: c.id, accept, ...(note.trim() ? { note } : {}), ...(changeOf(s) ? { change: changeOf(s) } : {}) })
    if (!out) return
    void Taro.showToast({ title: accept ? '已采纳' : '已处理', icon: 'success' })
    onDone()
  }

  const field = (k: string) => e[`change.${k}`] ?? e[k]
  return (
    <View className="sm-panel" role="group" aria-label={accept ? '采纳' : '不采纳'}>
      {accept ? (
        <LoadState data={s} error={station.error} onRetry={() => void station.reload()} loadingText="正在读取驿站…">
          {(st) => (
            <>
              <Text className="sm-hint">{`现在：${statusWords(st)}`}</Text>
              <ChipGroup label="采纳后怎么改" options={(Object.keys(FIX_LABELS) as Fix[]).map((k) => ({ value: k, label: FIX_LABELS[k] }))} value={fix} onChange={(v) => setFix(v as Fix)} />
              {fix === 'paused' || fix === 'closed' ? (
                <>
                  <TextField label="原因（骑手会看到）" placeholder={fix === 'paused' ? '如 内部装修' : '如 场地收回'} maxlength={80} value={reason} onChange={setReason} error={field('reason')} />
                  {fix === 'paused' ? <TextField label="哪天恢复开放" placeholder="如 2026-12-20" maxlength={12} value={until} onChange={setUntil} error={field('until')} /> : null}
                </>
              ) : null}
              {fix === 'hours'
                ? WEEKDAY_LABELS.map((w, i) => (
                    <TextField key={w} label={w} placeholder="如 08:00-20:00" maxlength={60} value={(hours ?? st.hours)[i]} onChange={(t) => setHours((hours ?? st.hours).map((h, j) => (j === i ? t : h)))} error={field(`hours.${i}`)} />
                  ))
                : null}
              {fix === 'services' ? <ChipGroup multiple label="服务" options={serviceOptions} value={services ?? st.services} onChange={(v) => setServices(v as StationService[])} error={field('services')} /> : null}
              {fix === 'location' ? (
                <View className="sm-pair">
                  <TextField label="经度" placeholder="如 120.8645" maxlength={20} value={lng ?? String(st.longitude)} onChange={setLng} error={field('longitude')} />
                  <TextField label="纬度" placeholder="如 32.0106" maxlength={20} value={lat ?? String(st.latitude)} onChange={setLat} error={field('latitude')} />
                </View>
              ) : null}
            </>
          )}
        </LoadState>
      ) : null}
      <TextArea label={accept ? '说明（选填，反馈的人会看到）' : '不采纳的原因（反馈的人会看到）'} placeholder={accept ? '如 已电话核实' : '如 到现场看过，开放时间没有变'} maxlength={200} value={note} onChange={setNote} error={e.note} />
      {action.problem ? <Notice kind="warn">{action.problem}</Notice> : null}
      <View className="sm-actions">
        <ActionButton busy={action.busy} busyText="正在保存…" disabled={accept && !s} onClick={() => void submit()}>
          {accept ? (fix === 'none' ? '采纳' : `采纳并${FIX_LABELS[fix]}`) : '不采纳'}
        </ActionButton>
      </View>
    </View>
  )
}
