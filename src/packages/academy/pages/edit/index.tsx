import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DIPLOMA_LEVELS, DIPLOMA_LEVEL_LABELS, OFFER_TYPES, OFFER_TYPE_LABELS, OfferInput, SKILL_LEVELS, SKILL_LEVEL_LABELS, type OfferDetail, type OfferType } from '~types/academy.schema'
import type { FieldErrors } from '~types/errors'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { DeskPage } from '../../../../components/desk-page'
import { FieldError } from '../../../../components/field-error'
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
import { academyDistricts, draftToInput, emptyOffer, emptySession, offerDraftKey, offerErrorLabels, offerToDraft, type OfferDraft, type SessionDraft } from '../../lib/staff'
import '../../lib/academy.scss'
import '../../lib/staff.scss'

const typeOptions = OFFER_TYPES.map((t) => ({ value: t, label: OFFER_TYPE_LABELS[t] }))
const levelOptions = SKILL_LEVELS.map((l) => ({ value: String(l), label: SKILL_LEVEL_LABELS[l] }))
const diplomaLevelOptions = DIPLOMA_LEVELS.map((l) => ({ value: l, label: DIPLOMA_LEVEL_LABELS[l] }))
const placeOptions = [
  { value: 'offline', label: '线下' },
  { value: 'online', label: '线上' },
]

/** What each type is, in a line under the chips. */
const TYPE_HINTS: Record<OfferType, string> = {
  diploma: '与合作院校办的专科、专升本：按学分毕业，学费可申请补贴。面授安排可以不填。',
  skill: '免费的职业技能培训：有名额，满了可以候补；按出勤结业，结业后发职业技能等级证书。',
  contest: '技能竞赛或岗前培训：获奖或合格的学员可以发证。',
}

/** 新建课程 / 编辑课程 (?id=): the offer form, kept as a draft on the device until it is saved. */
export default function EditPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const districts = academyDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const offer = useRemote(() => api.academy.offer({ id }), allowed && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有学院工作人员可以编辑课程">您没有江海新才学院的工作权限。</NoAccess>
  const userId = session.user.id
  if (!id) {
    return (
      <DeskPage title="新建课程" lead="先存为草稿；在“课程管理”里发布后，学员才能看到和报名。">
        <OfferForm userId={userId} districts={districts} saved={null} />
      </DeskPage>
    )
  }
  return (
    <DeskPage title="编辑课程">
      <LoadState data={offer.data} error={offer.error} onRetry={() => void offer.reload()} loadingText="正在读取课程…">
        {(o) => <OfferForm userId={userId} districts={districts} saved={o} />}
      </LoadState>
    </DeskPage>
  )
}

function OfferForm({ userId, districts, saved }: { userId: string; districts: string[]; saved: OfferDetail | null }) {
  const initial = () => (saved ? offerToDraft(saved) : emptyOffer(districts))
  const key = offerDraftKey(userId, saved?.id)
  const [d, update, clear] = useDraft<OfferDraft>(key, initial)
  const [touched, setTouched] = useState(() => !!Taro.getStorageSync(key))
  const set = (patch: Partial<OfferDraft>) => {
    setTouched(true)
    update(patch)
  }
  const saving = useAction(OfferInput, (input, opts) => api.academy.saveOffer(input, opts))
  const [publishProblem, setPublishProblem] = useState<string>()
  const [publishing, setPublishing] = useState(false)
  const errors: FieldErrors = saving.errors
  const type = d.type || null
  const diploma = type === 'diploma'
  const districtOptions = districts.map((c) => ({ value: c, label: regionLabel(c) }))

  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: routes.academyManage })
  }

  const save = async (thenPublish: boolean) => {
    setPublishProblem(undefined)
    const { input, errors: typos } = draftToInput(d)
    if (Object.keys(typos).length) {
      saving.fail(typos)
      scrollToFirstError()
      return
    }
    const out = await saving.run(input)
    if (!out) {
      scrollToFirstError()
      return
    }
    if (thenPublish) {
      setPublishing(true)
      try {
        await api.academy.setOfferStatus({ id: out.id, status: 'published' }, { requestId: newRequestId() })
      } catch (e) {
        // Saved but not published: a retry edits this offer rather than creating a second one.
        if (!d.id) update({ id: out.id })
        setPublishProblem(`已保存为草稿，但没有发布成功：${toApiError(e).message}。可以再点一次，或到“课程管理”里发布。`)
        return
      } finally {
        setPublishing(false)
      }
    }
    clear()
    void Taro.showToast({ title: thenPublish ? '已保存并发布' : saved ? '已保存' : '已存为草稿', icon: 'success' })
    leave()
  }

  const discard = () => {
    clear()
    update(initial())
    setTouched(false)
    saving.reset()
  }

  const setSession = (i: number, patch: Partial<SessionDraft>) => set({ sessions: d.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) })
  // The rows after it move up: errors named by their number would point at the wrong one.
  const removeSession = (i: number) => {
    saving.reset()
    set({ sessions: d.sessions.filter((_s, j) => j !== i) })
  }
  const addSession = () => {
    const last = d.sessions.at(-1)
    set({ sessions: [...d.sessions, { ...emptySession(), ...(last ? { start: last.start, end: last.end, online: last.online, place: last.place } : {}) }] })
  }
  const setDiploma = (patch: Partial<OfferDraft['diploma']>) => set({ diploma: { ...d.diploma, ...patch } })

  const hasErrors = Object.keys(errors).length > 0
  const problem = publishProblem ?? (hasErrors ? errorSummary(errors, offerErrorLabels(d)) : saving.problem)
  const published = saved?.status === 'published'

  return (
    <View className="staff-form" role="form" aria-label="课程信息">
      {saved ? <Text className="page__lead staff-form__lead">{`${saved.title} · ${saved.status === 'draft' ? '草稿，还没发布' : saved.status === 'published' ? '已发布：保存后学员马上看到修改' : '已关闭'}`}</Text> : null}
      {touched && saved ? (
        <View className="staff-draft-note" role="status">
          <Text>这里有您上次没保存的修改。</Text>
          <View className="link" role="button" onClick={discard}>
            放弃修改，恢复成已保存的
          </View>
        </View>
      ) : null}

      <ChipGroup
        label="类型"
        options={saved ? typeOptions.filter((o) => o.value === saved.type) : typeOptions}
        value={d.type}
        onChange={(v) => set({ type: v as OfferType })}
        error={errors.type}
        hint={type ? TYPE_HINTS[type] : '选好类型，下面只显示这一类要填的内容'}
      />
      {type ? (
        <>
          <TextField label="名称" placeholder={diploma ? '如 物流管理（专科）' : '如 快递员四级（中级工）晚班'} maxlength={40} value={d.title} onChange={(title) => set({ title })} error={errors.title} />
          <TextField label="承办单位" placeholder="如 崇川区职业技能培训中心" maxlength={40} value={d.provider} onChange={(provider) => set({ provider })} error={errors.provider} />
          <ChipGroup label="所在区县" options={districtOptions} value={d.district} onChange={(district) => set({ district })} error={errors.district} hint="只能选您负责学院工作的区县" />
          <ConsentToggle checked={d.cityWide} onChange={(cityWide) => set({ cityWide })}>
            全市开放：全市的人都能看到和报名（不勾只对本区县开放）
          </ConsentToggle>
          <TextArea label="简介" placeholder="上课方式、时间、费用、结业后能拿到什么" maxlength={500} showCount value={d.description} onChange={(description) => set({ description })} error={errors.description} />
          <TextField
            label={diploma ? '对应职业（选填）' : '对应职业（工种）'}
            placeholder="如 快递员、网约配送员、互联网营销师"
            maxlength={30}
            value={d.occupation}
            onChange={(occupation) => set({ occupation })}
            error={errors.occupation}
          />
          {!diploma ? (
            <ChipGroup label="证书等级" options={levelOptions} value={d.skillLevel} onChange={(skillLevel) => set({ skillLevel })} error={errors.skillLevel} />
          ) : null}
          <TextField label="学完能拿到什么" placeholder={diploma ? '如 物流管理专科毕业证书' : '如 快递员四级证书'} maxlength={40} value={d.leadsTo} onChange={(leadsTo) => set({ leadsTo })} error={errors.leadsTo} />
          <TextField label="报名截止日期" placeholder="如 2026-12-10" maxlength={12} value={d.enrolUntil} onChange={(enrolUntil) => set({ enrolUntil })} error={errors.enrolUntil} hint="这一天（含）之后不能再报名" />
          {!diploma ? (
            <TextField
              label={type === 'skill' ? '名额' : '名额（选填）'}
              type="number"
              placeholder="如 40"
              maxlength={4}
              value={d.seats}
              onChange={(seats) => set({ seats })}
              error={errors.seats}
              hint="报满后新报名的进入候补，按先后递补"
            />
          ) : null}

          {diploma ? <DiplomaFields d={d.diploma} errors={errors} onChange={setDiploma} /> : null}

          <View className="staff-sessions" role="group" aria-label="上课安排">
            <Text className="section-title">{diploma ? '面授安排（选填）' : `上课安排（${d.sessions.length} 次）`}</Text>
            {errors.sessions ? <FieldError message={errors.sessions} /> : null}
            {d.sessions.map((s, i) => (
              <SessionRow key={s.key} index={i} session={s} errors={errors} onChange={(patch) => setSession(i, patch)} onRemove={() => removeSession(i)} />
            ))}
            <ActionButton compact variant="secondary" onClick={addSession}>
              {d.sessions.length ? '再加一次课' : '加一次课'}
            </ActionButton>
          </View>
        </>
      ) : null}

      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      <View className="staff-actions staff-actions--end">
        {!published && saved?.status !== 'closed' ? (
          <ActionButton busy={saving.busy || publishing} busyText={publishing ? '正在发布…' : '正在保存…'} onClick={() => void save(true)}>
            保存并发布
          </ActionButton>
        ) : null}
        <ActionButton variant={published || saved?.status === 'closed' ? 'primary' : 'secondary'} busy={saving.busy} busyText="正在保存…" onClick={() => void save(false)}>
          {saved ? '保存修改' : '存为草稿'}
        </ActionButton>
      </View>
    </View>
  )
}

function DiplomaFields({ d, errors, onChange }: { d: OfferDraft['diploma']; errors: FieldErrors; onChange: (patch: Partial<OfferDraft['diploma']>) => void }) {
  return (
    <View className="staff-fieldset" role="group" aria-label="学历教育">
      <Text className="section-title">学历教育</Text>
      {errors.diploma ? <FieldError message={errors.diploma} /> : null}
      <ChipGroup label="层次" options={diplomaLevelOptions} value={d.level} onChange={(level) => onChange({ level })} error={errors['diploma.level']} hint="专科收高中、中专毕业的；本科（专升本）收大专毕业的" />
      <TextField label="专业" placeholder="如 电子商务" maxlength={30} value={d.major} onChange={(major) => onChange({ major })} error={errors['diploma.major']} />
      <TextField label="合作院校" placeholder="如 江苏开放大学" maxlength={40} value={d.university} onChange={(university) => onChange({ university })} error={errors['diploma.university']} />
      <TextField label="学制（月）" type="number" placeholder="如 30（两年半）" maxlength={2} value={d.lengthMonths} onChange={(lengthMonths) => onChange({ lengthMonths })} error={errors['diploma.lengthMonths']} />
      <TextField label="毕业所需学分" placeholder="如 80" maxlength={6} value={d.credits} onChange={(credits) => onChange({ credits })} error={errors['diploma.creditsRequired']} hint="可以有半个学分，如 80.5" />
      <TextField label="每学年学费（元）" placeholder="如 6800" maxlength={12} value={d.tuitionYuan} onChange={(tuitionYuan) => onChange({ tuitionYuan })} error={errors['diploma.tuitionFenPerYear']} hint="学员每学年修满学分后可按比例申请补贴" />
    </View>
  )
}

function SessionRow({ index: i, session: s, errors, onChange, onRemove }: {
  index: number
  session: SessionDraft
  errors: FieldErrors
  onChange: (patch: Partial<SessionDraft>) => void
  onRemove: () => void
}) {
  const e = (f: string) => errors[`sessions.${i}.${f}`]
  return (
    <View className="staff-session" role="group" aria-label={`第 ${i + 1} 次课`}>
      <View className="staff-session__head">
        <Text className="staff-session__title">{`第 ${i + 1} 次课`}</Text>
        <View className="link staff-session__remove" role="button" aria-label={`删除第 ${i + 1} 次课`} onClick={onRemove}>
          删除这次课
        </View>
      </View>
      <View className="staff-session__fields">
        <TextField label="日期" placeholder="如 2026-12-12" maxlength={12} value={s.date} onChange={(date) => onChange({ date })} error={e('date')} />
        <TextField label="开始" placeholder="如 19:00" maxlength={5} value={s.start} onChange={(start) => onChange({ start })} error={e('start')} />
        <TextField label="结束" placeholder="如 21:00" maxlength={5} value={s.end} onChange={(end) => onChange({ end })} error={e('end')} />
      </View>
      <ChipGroup label="上课方式" options={placeOptions} value={s.online ? 'online' : 'offline'} onChange={(v) => onChange({ online: v === 'online' })} error={e('online')} />
      <TextField
        label={s.online ? '地点或链接说明（选填）' : '上课地点'}
        placeholder={s.online ? '如 腾讯会议，开课前发到群里' : '如 崇川区工农路 88 号 3 楼'}
        maxlength={80}
        value={s.place}
        onChange={(place) => onChange({ place })}
        error={e('place')}
      />
    </View>
  )
}
