import { Text, View } from '@tarojs/components'
import { PRIVACY_GUIDE } from '~types/privacy'

/** The privacy guide in force, whole: its sections and the separate consent to sensitive data. */
export function PrivacyGuide() {
  return (
    <View className="guide">
      <Text className="guide__title">{PRIVACY_GUIDE.title}</Text>
      <Text className="guide__version">版本 {PRIVACY_GUIDE.version}</Text>
      {PRIVACY_GUIDE.sections.map((s) => (
        <View key={s.heading} className="guide__section">
          <Text className="guide__heading">{s.heading}</Text>
          <Text className="guide__body">{s.body}</Text>
        </View>
      ))}
      <View className="guide__sensitive">
        <Text className="guide__heading">敏感个人信息单独同意</Text>
        <Text className="guide__body">{PRIVACY_GUIDE.sensitiveConsentText}</Text>
      </View>
    </View>
  )
}
