import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AcceptPrivacyInput } from '~types/user.schema'
import { PRIVACY_GUIDE, privacyChangesSince } from '~types/privacy'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useAction } from '../../../../hooks/use-action'
import { routes } from '../../../../routes'
import { setUser } from '../../../../store/session'
import { PrivacyGuide } from '../../lib/guide'
import '../consent/index.scss'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

/**
 * The guide changed since this worker agreed: what changed first, then the whole guide, then the two consents
 * again. Nothing else opens until they agree; the earlier consent stays in 同意记录.
 */
export default function PrivacyUpdatePage() {
  const session = useGuard({ allowIncomplete: true })
  const [privacy, setPrivacy] = useState(false)
  const [sensitive, setSensitive] = useState(false)
  const accept = useAction(AcceptPrivacyInput, (d, o) => api.user.acceptPrivacy(d, o))
  const { errors, problem, busy } = accept
  const user = session.user
  if (!user) return <PageStatus session={session} />
  const changes = privacyChangesSince(user.privacyVersionAccepted)

  const agree = async () => {
    // An unticked box is sent to the schema as it is: it answers with the field's message.
    const agreed = await accept.run({ privacyVersion: privacy ? PRIVACY_GUIDE.version : '', sensitive: sensitive as true })
    if (!agreed) return
    setUser(agreed)
    void Taro.showToast({ title: '已同意新版指引', icon: 'success' })
    await Taro.reLaunch({ url: routes.hub })
  }

  return (
    <PageRoot className="privacy-update">
      <Text className="page__title">隐私保护指引有更新</Text>
      <Text className="page__lead">
        {user.privacyVersionAccepted ? `您同意过的是 ${user.privacyVersionAccepted} 版，现行的是 ${PRIVACY_GUIDE.version} 版。` : `现行的是 ${PRIVACY_GUIDE.version} 版。`}
        请看一下改了什么，同意后继续使用。
      </Text>
      <View className="privacy-update__changes" role="region" aria-label="改了什么">
        <Text className="section-title">改了什么</Text>
        {changes.map((c) => (
          <Text key={c} className="privacy-update__change">{`• ${c}`}</Text>
        ))}
      </View>
      <View className="consent__section">
        <Text className="section-title">新版全文</Text>
        <PrivacyGuide />
      </View>
      <View className="privacy-update__consents">
        {problem && !Object.keys(errors).length ? <Notice kind="warn">{problem}</Notice> : null}
        <ConsentToggle checked={privacy} onChange={setPrivacy} error={errors.privacyVersion}>
          {`我已阅读并同意新版《${PRIVACY_GUIDE.title}》`}
        </ConsentToggle>
        <ConsentToggle checked={sensitive} onChange={setSensitive} error={errors.sensitive}>
          {PRIVACY_GUIDE.sensitiveConsentText}
        </ConsentToggle>
        <ActionButton busy={busy} busyText="正在保存…" onClick={() => void agree()}>
          同意并继续
        </ActionButton>
        <Text className="privacy-update__note">不同意也可以：您以前的同意记录会保留，但在同意新版之前不能继续办理服务。如需撤回同意或注销账号，请联系所在区县的工作人员。</Text>
      </View>
    </PageRoot>
  )
}
