import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { FieldErrors } from '~types/errors'
import { CASE_TYPES, CASE_TYPE_LABELS, FACTS_MAX, PARTY_KINDS, PARTY_LABELS, hardshipExempt, type CaseType } from '~types/legal-aid.schema'
import type { UserView } from '~types/user.schema'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { askForProgressNotices } from '../../../../api/subscribe'
import { errorSummary, scrollToFirstError } from '../../../../components/field-error/summary'
import { SubmitBar } from '../../../../components/submit-bar'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { routes } from '../../../../routes'
import { AttachmentPicker } from '../../../../components/attachment-picker'
import { ERROR_FIELDS, draftKey, initialDraft, suggestedPartyName, validate, type LegalAidDraft, type PartyKind } from '../../lib/draft'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

const caseOptions = CASE_TYPES.map((c) => ({ value: c, label: CASE_TYPE_LABELS[c] }))
const partyOptions = PARTY_KINDS.map((k) => ({ value: k, label: PARTY_LABELS[k] }))

const EXEMPT_NOTICE = '拖欠工资、工伤赔偿不需要经济困难证明（法律援助法第四十二条）'

/** 申请法律援助: the request form, kept as a draft on the phone until it is filed. */
/** Error keys → the names the form shows, in its order (for the summary above the button). */
const FIELD_LABELS: Record<string, string> = {
  caseType: '遇到了什么问题',
  'otherParty.kind': '对方是谁',
  'otherParty.name': '对方名称',
  'otherParty.contact': '对方联系方式',
  amountFen: '要讨回多少钱',
  facts: '发生了什么',
  hardship: '经济情况',
  attachments: '证据材料',
}

export default function ApplyPage() {
  const session = useGuard()
  const { user } = session
  if (!user?.ready) return <PageStatus session={session} />
  return <ApplyForm user={user} />
}

function ApplyForm({ user }: { user: UserView }) {
  const [draft, update, clearDraft] = useDraft<LegalAidDraft>(draftKey(user.id), initialDraft)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const p = user.profile!
  const exempt = draft.caseType ? hardshipExempt(draft.caseType) : null

  const set = (patch: Partial<LegalAidDraft>) => {
    // New content, new submission: only an unchanged form retried after a network failure reuses its key.
    update({ ...patch, requestId: newRequestId() })
    const touched = Object.keys(patch)
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(ERROR_FIELDS[k] ?? []).some((f) => touched.includes(f)))))
  }

  const submit = async () => {
    setProblem(undefined)
    if (uploading > 0) return setProblem('还有附件没有传完（或上传失败），请等一等，或删掉失败的文件')
    const checked = validate(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      setProblem(errorSummary(checked.errors, FIELD_LABELS))
      scrollToFirstError()
      return
    }
    setBusy(true)
    try {
      await askForProgressNotices()
      const view = await api.legalAid.submit(checked.input, { requestId: draft.requestId })
      clearDraft()
      void Taro.showToast({ title: '已提交', icon: 'success' })
      // Replace the form: "back" from the detail should not land on an empty form.
      await Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(view.id)}` })
    } catch (e) {
      const err = toApiError(e)
      setErrors(err.fields)
      setProblem(err.message)
      // A refused submit wrote nothing: the next one is a new submission. After a network failure the key stays,
      // so if the request did land, tapping again returns that application instead of filing a second one.
      if (err.code !== 'NETWORK') update({ requestId: newRequestId() })
    } finally {
      setBusy(false)
    }
  }

  const pickParty = (kind: string) => {
    const k = kind as PartyKind
    set({ partyKind: k, ...(!draft.partyName.trim() ? { partyName: suggestedPartyName(k, user) } : {}) })
  }

  return (
    <PageRoot className="apply">
      <Text className="page__title">申请法律援助</Text>
      <Text className="page__lead">免费的法律帮助。填好后，所在区县的法律援助工作人员会在 7 个工作日内给您答复。填到一半离开也没关系，内容会自动保存在手机上。</Text>

      <View className="apply__applicant">
        <Text className="apply__applicant-label">申请人</Text>
        <Text className="apply__applicant-name">{p.realName}</Text>
        <Text className="apply__applicant-meta">{`${p.regionLabel} · ${p.occupation}`}</Text>
        {/* A View, not a Text: a tappable Text adds a template to every level of the main package's base.wxml. */}
        <View className="apply__applicant-link" role="link" onClick={() => void Taro.navigateTo({ url: routes.profile })}>
          信息不对？去修改个人信息 ›
        </View>
      </View>

      <ChipGroup label="遇到了什么问题" options={caseOptions} value={draft.caseType} onChange={(v) => set({ caseType: v as CaseType })} error={errors.caseType} />

      <Text className="section-title">对方是谁</Text>
      <ChipGroup label="对方是" options={partyOptions} value={draft.partyKind} onChange={pickParty} error={errors['otherParty.kind']} />
      <TextField label="对方名称" value={draft.partyName} onChange={(v) => set({ partyName: v })} placeholder="如 某某外卖配送站、张某" error={errors['otherParty.name']} maxlength={60} />
      <TextField
        label="对方联系方式（知道的话填）"
        value={draft.partyContact}
        onChange={(v) => set({ partyContact: v })}
        placeholder="电话或地址，不知道可以不填"
        error={errors['otherParty.contact']}
        maxlength={60}
      />

      <Text className="section-title">钱和经过</Text>
      <TextField
        label="要讨回多少钱（元）"
        value={draft.amount}
        onChange={(v) => set({ amount: v })}
        placeholder="如 3860 或 3860.50"
        hint="不涉及钱可以不填"
        error={errors.amountFen}
        maxlength={16}
      />
      <TextArea
        label="发生了什么"
        value={draft.facts}
        onChange={(v) => set({ facts: v })}
        placeholder="什么时候、在哪里、发生了什么，对方怎么说的。写清楚就行，不用讲究用词。"
        error={errors.facts}
        maxlength={FACTS_MAX}
        showCount
      />

      <Text className="section-title">是不是很急</Text>
      <Text className="apply__explain">符合下面任何一项就勾上，可以在审查结果出来之前先得到法律援助（法律援助法第四十四条）。</Text>
      <ConsentToggle checked={draft.limitationEndsSoon} onChange={(v) => set({ limitationEndsSoon: v })}>
        再过 7 天就过了打官司的期限（诉讼时效快到了）
      </ConsentToggle>
      <ConsentToggle checked={draft.preservationNeeded} onChange={(v) => set({ preservationNeeded: v })}>
        需要马上申请财产保全，防止对方转移财产
      </ConsentToggle>

      <Text className="section-title">经济困难情况</Text>
      {exempt === null ? (
        <Text className="apply__explain">先在上面选好遇到的问题，这里会告诉您需不需要说明经济困难。</Text>
      ) : exempt ? (
        <Notice title="✓ 不用证明经济困难">{EXEMPT_NOTICE}</Notice>
      ) : (
        <TextArea
          label="说说您的经济情况"
          value={draft.hardship}
          onChange={(v) => set({ hardship: v })}
          placeholder="如 每月收入大约多少、家里几口人要养、有没有低保或困难证明"
          hint="有低保证、困难证明的，可以在下面拍照上传"
          error={errors.hardship}
          maxlength={500}
          showCount
        />
      )}

      <Text className="section-title">证据材料（可以不传）</Text>
      <AttachmentPicker
        label="照片或 PDF"
        hint="如 工资条、聊天记录截图、转账记录、病历、事故认定书；每个不超过 10 MB"
        value={draft.attachments}
        onChange={(attachments) => set({ attachments })}
        onUploadingChange={onUploadingChange}
        error={errors.attachments}
      />

      <SubmitBar problem={problem} busy={busy} busyText="正在提交…" onSubmit={() => void submit()}>
        提交申请
      </SubmitBar>
    </PageRoot>
  )
}
