import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PRIVACY_GUIDE } from '~types/privacy'
import { CITIES, districtsOf, findDistrict, regionLabel } from '~types/regions'
import { OCCUPATIONS, ProfileInput, type UserView } from '~types/user.schema'
import { fieldErrors } from '~types/validation'
import type { FieldErrors } from '~types/errors'
import { api, newRequestId } from '../../../../api/client'
import { ApiError, toApiError } from '../../../../api/api-error'
import { errorSummary, scrollToFirstError } from '../../../../components/field-error/summary'
import { SubmitBar } from '../../../../components/submit-bar'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { routes } from '../../../../routes'
import { setUser } from '../../../../store/session'
import { draftKey, initialDraft, toInput, withCurrentConsent, type ProfileDraft } from './draft'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

const occupationOptions = OCCUPATIONS.map((o) => ({ value: o, label: o }))
const cityOptions = CITIES.map((c) => ({ value: c.code, label: c.name }))

/** Error keys → the names the form shows, in its order (for the summary above the button). */
const FIELD_LABELS: Record<string, string> = {
  realName: '真实姓名',
  idNumber: '身份证号',
  mobile: '手机号',
  occupation: '职业',
  platform: '平台或单位',
  districtCode: '所在城市和区县',
  'consents.privacyVersion': '隐私保护指引',
  'consents.sensitive': '敏感信息的单独同意',
}

/** The server's words when the number is bound to another WeChat account (user.service.ts ID_TAKEN). */
const ID_TAKEN = /已经绑定了另一个微信账号/
const LEGAL_HOTLINE = '12348'

/**
 * What to do about a number bound elsewhere, with ways that exist: the other WeChat, the district's staff (where),
 * and for legal help that cannot wait, the public legal-service hotline, which needs no account here.
 */
function IdTakenHelp({ district }: { district: string }) {
  const where = findDistrict(district) ? regionLabel(district) : '您所在区县'
  return (
    <View className="profile__help" role="note">
      <Text className="profile__help-line">· 如果那是您以前用的微信号：请换回那个微信号登录暖新，信息都在那里。</Text>
      <Text className="profile__help-line">
        {`· 如果不是您本人绑定的：号码可能被他人冒用。请带上身份证，向${where}负责暖新的工作人员说明情况，由他们核实处理。`}
      </Text>
      <Text className="profile__help-line">· 急需法律帮助的，可以直接拨打 12348 公共法律服务热线申请法律援助，不需要先在这里登记。</Text>
      <View className="profile__call" role="link" aria-label="拨打 12348 公共法律服务热线" onClick={() => void Taro.makePhoneCall({ phoneNumber: LEGAL_HOTLINE })}>
        拨打 12348
      </View>
    </View>
  )
}

export default function ProfilePage() {
  const session = useGuard({ allowIncomplete: true })
  const { user } = session
  if (!user) return <PageStatus session={session} />
  return <ProfileForm user={user} />
}

function ProfileForm({ user }: { user: UserView }) {
  const [saved, update, clearDraft] = useDraft<ProfileDraft>(draftKey(user.id), () => initialDraft(user))
  const draft = withCurrentConsent(saved)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [guideOpen, setGuideOpen] = useState(!user.ready)
  const hasIdOnFile = !!user.profile

  const set = (patch: Partial<ProfileDraft>) => {
    // New content, new submission: only an unchanged form retried after a network failure reuses its key.
    update({ ...patch, consentVersion: draft.consentVersion, requestId: newRequestId() })
    // A field the user touches again loses its old error; the others keep theirs until the next submit.
    const touched = Object.keys(patch)
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !touched.some((t) => k === t || (t === 'privacy' && k === 'consents.privacyVersion') || (t === 'sensitive' && k === 'consents.sensitive')))))
  }

  const submit = async () => {
    setProblem(undefined)
    const input = toInput(draft, hasIdOnFile)
    // Check here first: the rider sees every mistake at once, without a round trip on a weak network.
    const local = ProfileInput.safeParse(input)
    if (!local.success) {
      const errs = fieldErrors(local.error)
      setErrors(errs)
      setProblem(errorSummary(errs, FIELD_LABELS))
      scrollToFirstError()
      return
    }
    setBusy(true)
    try {
      const saved = await api.user.saveProfile(local.data, { requestId: draft.requestId })
      clearDraft()
      setUser(saved)
      // An edit goes back where it came from (e.g. the legal-aid form that sent the rider here); the first
      // completion opens the hub. The toast comes after the move, or the page change would swallow it.
      if (hasIdOnFile && Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.reLaunch({ url: routes.hub })
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      const err: ApiError = toApiError(e)
      setErrors(err.fields)
      // A field the server refused (under 16, a number bound to another account) is shown under that field and
      // named above the button, like the phone's own checks, and the page goes to it.
      const named = Object.keys(err.fields).some((k) => FIELD_LABELS[k])
      setProblem(named ? errorSummary(err.fields, FIELD_LABELS) : err.message)
      if (named) scrollToFirstError()
      // A refused submit wrote nothing: the next one is a new submission. After a network failure the key stays,
      // so if the save did land, tapping again just returns its result.
      if (err.code !== 'NETWORK') update({ requestId: newRequestId() })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="profile">
      <Text className="page__title">{user.ready ? '修改个人信息' : '完善个人信息'}</Text>
      {!user.ready ? (
        <Text className="page__lead">填好以下信息并同意隐私保护指引，就可以开始办理培训、保障、法律援助等服务。填到一半离开也没关系，内容会自动保存。</Text>
      ) : null}

      <TextField label="真实姓名" value={draft.realName} onChange={(v) => set({ realName: v })} placeholder="与身份证上一致" error={errors.realName} maxlength={30} />
      <TextField
        label="身份证号"
        type="idcard"
        value={draft.idNumber}
        onChange={(v) => set({ idNumber: v.toUpperCase() })}
        placeholder={hasIdOnFile ? `已填 ${user.profile!.idNumberMasked}` : '18 位身份证号'}
        hint={hasIdOnFile ? '不修改就留空。加密保存，页面上只显示部分号码' : '加密保存，页面上只显示部分号码'}
        error={errors.idNumber}
        maxlength={18}
      />
      {errors.idNumber && ID_TAKEN.test(errors.idNumber) ? <IdTakenHelp district={draft.districtCode} /> : null}
      <TextField label="手机号" type="number" value={draft.mobile} onChange={(v) => set({ mobile: v })} placeholder="11 位手机号" error={errors.mobile} maxlength={11} />
      <ChipGroup label="职业" options={occupationOptions} value={draft.occupation} onChange={(v) => set({ occupation: v })} error={errors.occupation} />
      <TextField label="平台或单位" value={draft.platform} onChange={(v) => set({ platform: v })} placeholder="如 美团外卖、顺丰速运、货拉拉" error={errors.platform} maxlength={40} />
      <ChipGroup label="所在城市" options={cityOptions} value={draft.cityCode} onChange={(v) => set({ cityCode: v, districtCode: '' })} error={!draft.cityCode && errors.districtCode ? '请选择所在城市' : undefined} />
      {draft.cityCode ? (
        <ChipGroup
          label="所在区县"
          options={districtsOf(draft.cityCode).map((d) => ({ value: d.code, label: d.name }))}
          value={draft.districtCode}
          onChange={(v) => set({ districtCode: v })}
          error={errors.districtCode}
          hint="您的申请由这个区县的工作人员办理"
        />
      ) : null}

      <View className="profile__guide">
        <View className="profile__guide-head" onClick={() => setGuideOpen(!guideOpen)}>
          <Text>
            《{PRIVACY_GUIDE.title}》（{PRIVACY_GUIDE.version} 版）
          </Text>
          <Text className="profile__guide-toggle">{guideOpen ? '收起' : '展开阅读'}</Text>
        </View>
        {guideOpen
          ? PRIVACY_GUIDE.sections.map((s) => (
              <View key={s.heading} className="profile__guide-section">
                <Text className="profile__guide-heading">{s.heading}</Text>
                <Text className="profile__guide-body">{s.body}</Text>
              </View>
            ))
          : null}
      </View>
      <ConsentToggle checked={draft.privacy} onChange={(v) => set({ privacy: v })} error={errors['consents.privacyVersion']}>
        {`我已阅读并同意《${PRIVACY_GUIDE.title}》`}
      </ConsentToggle>
      <ConsentToggle checked={draft.sensitive} onChange={(v) => set({ sensitive: v })} error={errors['consents.sensitive']}>
        {PRIVACY_GUIDE.sensitiveConsentText}
      </ConsentToggle>

      <SubmitBar problem={problem} busy={busy} busyText="正在保存…" onSubmit={() => void submit()}>
        {user.ready ? '保存修改' : '保存并开始使用'}
      </SubmitBar>
    </PageRoot>
  )
}
