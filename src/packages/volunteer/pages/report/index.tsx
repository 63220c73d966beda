import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import * as z from 'zod/mini'
import type { ApplicationView } from '~types/application.schema'
import { CITIES, districtsOf, findDistrict, regionLabel } from '~types/regions'
import type { UserView } from '~types/user.schema'
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, VolunteerReportInput, type ReportCategory } from '~types/volunteer.schema'
import { api, newRequestId } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { currentPosition } from '../../../../lib/position'
import { routes } from '../../../../routes'
import { emptyReportDraft, reportDraftKey, type ReportDraft } from '../../lib/report-draft'
import { ReportPhotos } from '../../lib/report-photos'
import '../../lib/volunteer.scss'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const LABELS: Record<string, string> = {
  category: '类别',
  photos: '照片',
  'place.text': '地点',
  'place.longitude': '位置',
  district: '区县',
  note: '想说的话',
}

const categoryOptions = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))

/** The rider agreed once to use their location for reports: asked again only after sign-out (drafts go then too). */
const locationOkKey = (userId: string) => `${DRAFT_PREFIX}volunteer.report.locationOk.${userId}`

const whereText = (lng: number, lat: number) => `北纬 ${lat.toFixed(5)}，东经 ${lng.toFixed(5)}`

/** 随手拍: at a red light — a category, a photo, where — and send. Under ten seconds; a line of text if there is time. */
export default function ReportPage() {
  const session = useGuard()
  const [sent, setSent] = useState<ApplicationView | null>(null)
  if (!session.user?.ready) return <PageStatus session={session} />
  return (
    <PageRoot className="volunteer vr">
      <Text className="page__title">随手拍</Text>
      {sent ? null : <Text className="page__lead">选个类别、拍张照片、说在哪里，就能发。处理后会告诉您，有效的报告记积分。</Text>}
      {sent ? <Sent view={sent} onAgain={() => setSent(null)} /> : <ReportForm user={session.user} onSent={setSent} />}
    </PageRoot>
  )
}

function ReportForm({ user, onSent }: { user: UserView; onSent: (view: ApplicationView) => void }) {
  const home = user.profile!.districtCode
  const [draft, update, clear] = useDraft<ReportDraft>(reportDraftKey(user.id), emptyReportDraft)
  const latest = useRef(draft)
  latest.current = draft
  const [uploading, setUploading] = useState(0)
  const [locating, setLocating] = useState(false)
  const [locateNote, setLocateNote] = useState<string>()
  const [picking, setPicking] = useState(false)
  const district = draft.district || home

  /**
   * The request id goes with the draft: the same report sent again — after a failed send, a lost answer or a
   * restart — carries the same id and is filed once. Changed content is a new report, with a new id.
   */
  const requestIdFor = (input: unknown) => {
    const content = JSON.stringify(input)
    const kept = latest.current.sent
    if (kept?.content === content) return kept.id
    const id = newRequestId()
    update({ sent: { content, id } })
    return id
  }
  const action = useAction(VolunteerReportInput, (input) => api.volunteer.report(input, { requestId: requestIdFor(input) }))
  const e = action.errors

  const locate = async (ask: boolean) => {
    setLocateNote(undefined)
    if (ask && !Taro.getStorageSync(locationOkKey(user.id))) {
      // Precise location is sensitive personal information (PIPL Art. 28–29): asked for separately, with why.
      const answer = await Taro.showModal({
        title: '用您现在的位置？',
        content: '只用来标出问题在哪里，随报告交给处理的工作人员，也用来发现同一个地方的重复报告。不会一直跟踪您。不同意也没关系，写一下地点就行。',
        confirmText: '同意',
        cancelText: '自己写',
      }).catch(() => ({ confirm: false }))
      if (!answer.confirm) return setLocateNote('好的，请在上面写一下地点（路口、小区或店名）。')
      Taro.setStorageSync(locationOkKey(user.id), true)
    }
    setLocating(true)
    const found = await currentPosition()
    setLocating(false)
    if (!found.ok) return setLocateNote('没有拿到位置（可能没开定位或没有信号），写一下地点也能发。')
    const p = found.at
    update({ ...p, ...(latest.current.place.trim() ? {} : { place: `当前位置（${whereText(p.longitude, p.latitude)}）` }) })
    setLocateNote(`✓ 已定位：${whereText(p.longitude, p.latitude)}。可以再补上路口或店名。`)
  }

  // Agreed before: the position is fetched while the rider takes the photo.
  useEffect(() => {
    if (draft.longitude === null && Taro.getStorageSync(locationOkKey(user.id))) void locate(false)
  }, [])

  /** WeChat's map picker, for a spot that is not where the rider stands now. */
  const pickOnMap = async () => {
    try {
      const at = await Taro.chooseLocation({})
      update({ longitude: at.longitude, latitude: at.latitude, place: (at.name || at.address || latest.current.place).slice(0, 80) })
      setLocateNote(`✓ 已选好位置：${whereText(at.longitude, at.latitude)}`)
    } catch {
      // closed the map
    }
  }

  const send = async () => {
    if (uploading) return action.fail({ photos: '照片还在上传，请稍等一下再发送' })
    await askForProgressNotices()
    const view = await action.run({
      category: draft.category as ReportCategory,
      photos: draft.photos.map((p) => p.fileId),
      place: { text: draft.place, ...(draft.longitude !== null && draft.latitude !== null ? { longitude: draft.longitude, latitude: draft.latitude } : {}) },
      district,
      ...(draft.note.trim() ? { note: draft.note } : {}),
    } satisfies z.input<typeof VolunteerReportInput>)
    if (!view) return scrollToFirstError()
    clear()
    onSent(view)
  }

  const problem = formProblem(action, LABELS)
  const fieldsWrong = Object.keys(action.errors).some((k) => LABELS[k])
  return (
    <View className="vr-form">
      <ChipGroup label="是什么问题" options={categoryOptions} value={draft.category} onChange={(v) => update({ category: v as ReportCategory })} error={e.category} />

      <ReportPhotos value={draft.photos} onChange={(photos) => update({ photos })} onUploadingChange={setUploading} error={e.photos} />

      <TextField label="在哪里" placeholder="路口、小区或店名，如 工农路口" maxlength={80} value={draft.place} onChange={(place) => update({ place })} error={e['place.text'] ?? e['place.longitude']} />
      <View className="vr-locate">
        <ActionButton compact variant="secondary" busy={locating} busyText="正在定位…" onClick={() => void locate(true)}>
          {draft.longitude !== null ? '重新定位' : '用当前位置'}
        </ActionButton>
        {isWeapp ? (
          <ActionButton compact variant="secondary" onClick={() => void pickOnMap()}>在地图上选</ActionButton>
        ) : null}
        {draft.longitude !== null ? (
          <ActionButton compact variant="secondary" onClick={() => update({ longitude: null, latitude: null })}>不用定位</ActionButton>
        ) : null}
      </View>
      {locateNote ? <Text className="vr-hint">{locateNote}</Text> : draft.longitude !== null && draft.latitude !== null ? <Text className="vr-hint">{`✓ 已定位：${whereText(draft.longitude, draft.latitude)}`}</Text> : null}

      <View className="vr-district">
        <Text className="vr-district__line">{`交给 ${regionLabel(district)} 的志愿服务工作人员处理`}</Text>
        <ActionButton compact variant="secondary" onClick={() => setPicking((x) => !x)}>{picking ? '收起' : '不在这个区县？'}</ActionButton>
      </View>
      {picking ? <DistrictPicker value={district} onChange={(d) => { update({ district: d === home ? '' : d }); setPicking(false) }} /> : null}
      {e.district ? <Notice kind="warn">{e.district}</Notice> : null}

      <TextField label="想说的话（选填）" placeholder="如 井盖缺了一块，夜里看不见" maxlength={200} value={draft.note} onChange={(note) => update({ note })} error={e.note} />

      <SubmitBar problem={problem} busy={action.busy} busyText="正在发送…" onSubmit={() => void send()}>
        发送
      </SubmitBar>
      {problem && !fieldsWrong ? <Text className="vr-hint">照片和内容都还在手机上。网络好了再点一次“发送”，不会重复提交。</Text> : null}
    </View>
  )
}

/** Where it was taken, when it is not the rider's own district: the city first, then its districts. */
function DistrictPicker({ value, onChange }: { value: string; onChange: (district: string) => void }) {
  const [city, setCity] = useState(findDistrict(value)?.cityCode ?? CITIES[0].code)
  return (
    <View className="vr-picker">
      <ChipGroup label="哪个市" options={CITIES.map((c) => ({ value: c.code, label: c.name }))} value={city} onChange={setCity} />
      <ChipGroup label="哪个区县" options={districtsOf(city).map((d) => ({ value: d.code, label: d.name }))} value={value} onChange={onChange} />
    </View>
  )
}

function Sent({ view, onAgain }: { view: ApplicationView; onAgain: () => void }) {
  return (
    <View className="vr-sent" role="status">
      <Text className="vr-sent__title">✓ 已发送</Text>
      <Text className="vr-sent__case">{`编号 ${view.caseNo}`}</Text>
      <Text className="vol-card__line">处理后会告诉您。有效的报告会记积分，可以在“我的申请”里看进度。</Text>
      <View className="vr-sent__buttons">
        <ActionButton onClick={() => void Taro.navigateTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(view.id)}` })}>查看处理进度</ActionButton>
        <ActionButton variant="secondary" onClick={onAgain}>再拍一个</ActionButton>
      </View>
    </View>
  )
}
