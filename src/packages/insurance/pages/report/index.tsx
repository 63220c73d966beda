import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import * as z from 'zod/mini'
import { BODY_PARTS, BODY_PART_LABELS, ReportInput, type CoverageItem } from '~types/insurance.schema'
import { yuanToFen } from '~types/money'
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
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { currentPosition } from '../../../../lib/position'
import { routes } from '../../../../routes'
import { reportDraftKey, type ReportDraft } from '../../lib/draft'
import { without } from '../../lib/form'
import { schemeKeyOf } from '../../lib/scheme'
import { clockTime, coversNow, isoDay } from '../../lib/words'
import '../../lib/insurance.scss'

const LABELS: Record<string, string> = {
  schemeKey: '保障',
  occurredAt: '受伤时间',
  'place.text': '地点',
  what: '发生了什么',
  bodyPart: '受伤部位',
  hospital: '医院',
  advanceFen: '预付金额',
}

const bodyPartOptions = BODY_PARTS.map((b) => ({ value: b, label: BODY_PART_LABELS[b] }))

/** `14:30`, `9:05`, `14：30` (a Chinese keyboard's colon) → `14:30`; anything else null. */
function clockOf(text: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])\s*[:：.]\s*([0-5]\d)\s*$/.exec(text)
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null
}

const dayBefore = (iso: string) => isoDay(new Date(`${iso}T12:00:00+08:00`).getTime() - 86_400_000)
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

async function load() {
  const [coverage, policies] = await Promise.all([api.insurance.coverage({}), api.insurance.policies({})])
  return coverage.items.filter((i) => coversNow(i, policies))
}

/** 一键报案: at the roadside, the least that makes a claim — when, where, what, which part — and nothing more. */
export default function ReportPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const covering = useRemote(load, ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="insurance-report">
      <Text className="page__title">一键报案</Text>
      <Text className="page__lead">先把受伤的事报上，期限就算赶上了。照片、诊断、票据可以之后再补。</Text>
      <LoadState data={covering.data} error={covering.error} onRetry={() => void covering.reload()} loadingText="正在查您的保障…">
        {(items) =>
          items.length ? (
            <ReportForm items={items} user={session.user!} />
          ) : (
            <>
              <Notice kind="warn" title="您现在没有能报案的保障">在平台接单时受伤，平台会为您报案；也可以先看看“我的保障”里能参加哪些保障，或打 12333 咨询。</Notice>
              <ActionButton variant="secondary" onClick={() => void Taro.redirectTo({ url: routes.insurance })}>看看我的保障</ActionButton>
            </>
          )
        }
      </LoadState>
    </PageRoot>
  )
}

function ReportForm({ items, user }: { items: CoverageItem[]; user: UserView }) {
  const [draft, update, clear] = useDraft<ReportDraft>(reportDraftKey(user.id), () => {
    const now = Date.now()
    return { schemeKey: '', date: isoDay(now), time: clockTime(now), place: '', longitude: null, latitude: null, what: '', bodyPart: '', hospital: '', advance: '', wantsAdvance: false }
  })
  // The one that covers them: the pilot when the platform pays (listed first), else the policy in force.
  const schemeKey = items.some((i) => schemeKeyOf(i) === draft.schemeKey) ? draft.schemeKey : schemeKeyOf(items[0])
  const action = useAction(ReportInput, (input, opts) => api.insurance.report(input, opts))
  const [locating, setLocating] = useState(false)
  const [locateNote, setLocateNote] = useState<string>()
  const e = action.errors
  // What was wrong goes as soon as it is changed (the summary above 报案 with it).
  const edit = (patch: Partial<ReportDraft>, ...fields: string[]) => {
    update(patch)
    action.fail(without(...fields))
  }

  const today = isoDay(Date.now())
  const days = [today, dayBefore(today), ...(draft.date !== today && draft.date !== dayBefore(today) ? [draft.date] : [])]
  const dayOptions = days.map((d, i) => ({ value: d, label: i === 0 ? `今天（${monthDay(d)}）` : i === 1 ? `昨天（${monthDay(d)}）` : monthDay(d) }))

  const locate = async () => {
    setLocateNote(undefined)
    // Precise location is sensitive personal information (PIPL Art. 28–29): asked for separately, each time, with why.
    const answer = await Taro.showModal({
      title: '用您现在的位置？',
      content: '只用来填写受伤地点，随报案交给审核的工作人员，不会一直跟踪您。不同意也没关系，自己写地点就行。',
      confirmText: '同意',
      cancelText: '自己写',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return setLocateNote('好的，请在上面写一下地点（路口、小区或店名）。')
    setLocating(true)
    const found = await currentPosition()
    setLocating(false)
    if (!found.ok) return setLocateNote('没有拿到位置（可能没开定位或没给权限），请自己写一下地点。')
    const at = found.at
    const where = `北纬 ${at.latitude.toFixed(5)}，东经 ${at.longitude.toFixed(5)}`
    edit({ longitude: at.longitude, latitude: at.latitude, ...(draft.place.trim() ? {} : { place: `当前位置（${where}）` }) }, 'place.text')
    setLocateNote(`✓ 已记下位置：${where}。可以再补上路口或店名。`)
  }

  const send = async () => {
    const time = clockOf(draft.time)
    const advance = draft.wantsAdvance ? yuanToFen(draft.advance) : ({ ok: true, fen: 0 } as const)
    const early = {
      ...(time ? {} : { occurredAt: '时间请写成 14:30 这样' }),
      ...(!advance.ok ? { advanceFen: advance.error } : draft.wantsAdvance && advance.fen === 0 ? { advanceFen: '请填写要预付的押金金额，不需要就取消勾选' } : {}),
    }
    if (Object.keys(early).length) {
      action.fail(early)
      return scrollToFirstError()
    }
    await askForProgressNotices()
    const view = await action.run({
      schemeKey,
      occurredAt: `${draft.date}T${time}:00+08:00`,
      place: { text: draft.place, ...(draft.longitude !== null && draft.latitude !== null ? { longitude: draft.longitude, latitude: draft.latitude } : {}) },
      what: draft.what,
      bodyPart: draft.bodyPart as (typeof BODY_PARTS)[number],
      ...(draft.hospital.trim() ? { hospital: draft.hospital } : {}),
      ...(advance.ok && advance.fen > 0 ? { advanceFen: advance.fen } : {}),
    } satisfies z.input<typeof ReportInput>)
    if (!view) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: '已报案', icon: 'success' })
    // The claim's page replaces the form: “back” should not land on an empty report.
    await Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(view.id)}` })
  }

  return (
    <View className="ins-form">
      {items.length > 1 ? (
        // Two long official names side by side do not say which is the platform's: each says who pays for it.
        <ChipGroup
          label="用哪个保障报案"
          options={items.map((i) => ({ value: schemeKeyOf(i), label: `${i.name}（${i.kind === 'pilot' ? '平台缴费' : '我自己的保单'}）` }))}
          value={schemeKey}
          onChange={(v) => edit({ schemeKey: v }, 'schemeKey')}
          error={e.schemeKey}
          hint="在平台接单时受的伤，选“平台缴费”的；其他干活时受的伤，选“我自己的保单”"
        />
      ) : (
        <Text className="ins-card__line ins-report-scheme">{`报案用：${items[0].name}`}</Text>
      )}
      {items.length === 1 && e.schemeKey ? <Notice kind="warn">{e.schemeKey}</Notice> : null}

      <View className="ins-when">
        <View className="ins-when__day">
          <ChipGroup label="哪天受的伤" options={dayOptions} value={draft.date} onChange={(date) => edit({ date }, 'occurredAt')} />
        </View>
        <View className="ins-when__time">
          <TextField label="几点" placeholder="如 14:30" maxlength={5} value={draft.time} onChange={(t) => edit({ time: t }, 'occurredAt')} error={e.occurredAt} hint="已填现在的时间，不对就改" />
        </View>
      </View>

      <TextField label="在哪里" placeholder="路口、小区或店名，如 工农路口" maxlength={80} value={draft.place} onChange={(place) => edit({ place }, 'place.text')} error={e['place.text']} />
      <View className="ins-place__locate">
        <ActionButton variant="secondary" compact busy={locating} busyText="正在定位…" onClick={() => void locate()}>用当前位置</ActionButton>
        {locateNote ? <Text className="ins-card__line">{locateNote}</Text> : null}
      </View>

      <TextArea label="发生了什么" placeholder="一两句话就行，如 送餐路上被电动车撞倒，右腿擦伤" maxlength={500} value={draft.what} onChange={(what) => edit({ what }, 'what')} error={e.what} />
      <ChipGroup label="哪里受了伤" options={bodyPartOptions} value={draft.bodyPart} onChange={(v) => edit({ bodyPart: v as ReportDraft['bodyPart'] }, 'bodyPart')} error={e.bodyPart} />
      <TextField label="在哪家医院看的（选填）" placeholder="如 市第一人民医院" maxlength={60} value={draft.hospital} onChange={(hospital) => edit({ hospital }, 'hospital')} error={e.hospital} />

      <ConsentToggle checked={draft.wantsAdvance} onChange={(wantsAdvance) => edit({ wantsAdvance }, 'advanceFen')}>
        住院要交押金，想在理赔前先预付一笔（选填，工作人员会先审这一项）
      </ConsentToggle>
      {draft.wantsAdvance ? (
        <TextField label="要预付多少押金（元）" placeholder="如 5000" maxlength={16} value={draft.advance} onChange={(advance) => edit({ advance }, 'advanceFen')} error={e.advanceFen} />
      ) : null}

      <SubmitBar problem={formProblem(action, LABELS)} busy={action.busy} busyText="正在报案…" onSubmit={() => void send()}>
        报案
      </SubmitBar>
    </View>
  )
}
