import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import * as z from 'zod/mini'
import { DIPLOMA_LEVEL_LABELS, EDUCATION_LABELS, EDUCATION_LEVELS, EnrolInput, formatCredits, type OfferDetail } from '~types/academy.schema'
import { formatFen } from '~types/money'
import type { UserView } from '~types/user.schema'
import { api } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
import { ActionButton } from '../../../../components/action-button'
import { AttachmentPicker } from '../../../../components/attachment-picker'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { emptyEnrol, enrolDraftKey, type EnrolDraft } from '../../lib/draft'
import { availabilityWord, enrolmentWords, levelWord, priceWords, seatWords, sessionWords, typeWord } from '../../lib/words'
import { InfoRow } from '../../lib/info-row'
import '../../lib/academy.scss'

const ENROL_LABELS: Record<string, string> = { education: '最高学历', attachments: '学历证明', note: '留言' }

const educationOptions = EDUCATION_LEVELS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))

/** One offer: what, when, where, what it leads to — and the enrolment form, or where I stand. */
export default function OfferPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const offer = useRemote(() => api.academy.offer({ id }), ready && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  return (
    <PageRoot className="academy-offer">
      <LoadState data={offer.data} error={offer.error} onRetry={() => void offer.reload()} loadingText="正在加载课程…">
        {(o) => <Offer offer={o} user={session.user!} onChanged={() => void offer.reload()} />}
      </LoadState>
    </PageRoot>
  )
}

function Offer({ offer: o, user, onChanged }: { offer: OfferDetail; user: UserView; onChanged: () => void }) {
  return (
    <>
      <Text className="offer__type">{`${typeWord(o)}${o.skillLevel ? ` · ${levelWord(o.skillLevel)}` : ''}`}</Text>
      <Text className="page__title">{o.title}</Text>
      <Text className="page__lead">{o.description}</Text>
      <View className="academy-card">
        <InfoRow label="承办">{`${o.provider}（${o.where}）`}</InfoRow>
        <InfoRow label="学完">{o.leadsTo}</InfoRow>
        <InfoRow label="费用">{priceWords(o)}</InfoRow>
        <InfoRow label="名额">{seatWords(o)}</InfoRow>
        <InfoRow label="报名截止">{o.enrolUntil}</InfoRow>
        {o.diploma ? (
          <>
            <InfoRow label="层次">{`${DIPLOMA_LEVEL_LABELS[o.diploma.level]} · ${o.diploma.university}`}</InfoRow>
            <InfoRow label="学制">{`${o.diploma.lengthMonths} 个月，共 ${o.diploma.years} 个学年`}</InfoRow>
            <InfoRow label="学分">{`毕业要修满 ${formatCredits(o.diploma.creditsRequired)} 学分，每学年约 ${formatCredits(o.diploma.creditsPerYear)} 学分`}</InfoRow>
            <InfoRow label="学费">{`${formatFen(o.diploma.tuitionFenPerYear)}/年；每学年学分修满后可申请学费补贴`}</InfoRow>
          </>
        ) : null}
      </View>
      {o.sessions.length ? (
        <>
          <Text className="section-title">{`上课安排（共 ${o.sessions.length} 次）`}</Text>
          <View className="academy-card" role="list">
            {o.sessions.map((s) => (
              <View key={s.id} className="academy-card__item" role="listitem">{sessionWords(s)}</View>
            ))}
          </View>
        </>
      ) : null}
      {o.enrolment && o.enrolment.state !== 'released' ? (
        <Notice title={`您已报名：${enrolmentWords(o.enrolment)}`}>{`申请编号 ${o.enrolment.caseNo}。上课安排、出勤和学分都在“我的学习”里。`}</Notice>
      ) : o.availability === 'open' || o.availability === 'waitlist' ? (
        <EnrolForm offer={o} user={user} onDone={onChanged} />
      ) : (
        <Notice kind="warn" title={availabilityWord(o)}>这门课现在不能报名了，可以回到学院首页看看别的课程。</Notice>
      )}
      {o.enrolment ? (
        <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.academyLearning })}>
          去“我的学习”
        </ActionButton>
      ) : null}
    </>
  )
}

function EnrolForm({ offer: o, user, onDone }: { offer: OfferDetail; user: UserView; onDone: () => void }) {
  const [draft, update, clear] = useDraft<EnrolDraft>(enrolDraftKey(user.id, o.id), emptyEnrol)
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const action = useAction(EnrolInput, (input, opts) => api.academy.enrol(input, opts))
  const [problem, setProblem] = useState<string>()
  const full = o.availability === 'waitlist'
  const diploma = o.type === 'diploma'
  const send = async () => {
    setProblem(undefined)
    if (uploading > 0) return setProblem('还有附件没有传完，请等一等')
    await askForProgressNotices()
    const view = await action.run({
      offerId: o.id,
      ...(draft.education ? { education: draft.education } : {}),
      ...(draft.note.trim() ? { note: draft.note } : {}),
      attachments: draft.attachments.map((a) => a.fileId),
    } satisfies z.input<typeof EnrolInput>)
    if (!view) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: view.payload.seated ? '已报名' : '已加入候补', icon: 'success' })
    onDone()
  }
  return (
    <View className="academy-form">
      <Text className="section-title">{full ? '加入候补' : '报名'}</Text>
      <Text className="page__lead">{`报名人：${user.profile!.realName}（${user.profile!.regionLabel}）。${full ? '名额满了，按先后排队，有人退出会马上通知您。' : '会先为您保留名额，工作人员审核后录取。'}`}</Text>
      {diploma ? (
        <>
          <ChipGroup label="最高学历" options={educationOptions} value={draft.education} onChange={(v) => update({ education: v as EnrolDraft['education'] })} error={action.errors.education} hint={o.diploma!.level === 'associate' ? '报专科要高中、中专或以上学历' : '专升本要大专或以上学历'} />
          <AttachmentPicker label="学历证明" hint="毕业证照片或学信网截图" value={draft.attachments} onChange={(attachments) => update({ attachments })} onUploadingChange={onUploadingChange} error={action.errors.attachments} />
        </>
      ) : null}
      <TextField label="想对老师说的（选填）" placeholder="如 只能晚上 8 点后上课" maxlength={200} value={draft.note} onChange={(note) => update({ note })} error={action.errors.note} />
      <SubmitBar problem={problem ?? formProblem(action, ENROL_LABELS)} busy={action.busy} busyText="正在报名…" onSubmit={() => void send()}>
        {full ? '加入候补' : '确认报名'}
      </SubmitBar>
    </View>
  )
}
