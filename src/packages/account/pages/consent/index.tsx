import { Text, View } from '@tarojs/components'
import { PRIVACY_GUIDE } from '~types/privacy'
import { formatDateTime } from '~types/format'
import type { ConsentRecord } from '~types/user.schema'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { PrivacyGuide } from '../../lib/guide'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

const KIND_LABELS: Record<ConsentRecord['kind'], string> = {
  privacy: '隐私保护指引',
  sensitive: '敏感个人信息',
}

export default function ConsentPage() {
  const session = useGuard()
  const { user } = session
  if (!user?.ready) return <PageStatus session={session} />
  // Newest first: the consent that counts now is the one a person looks for.
  const records = [...user.consents].sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt))

  return (
    <PageRoot className="consent">
      <Text className="page__title">同意记录</Text>
      <Text className="page__lead">您同意过哪一版隐私保护指引、什么时候同意的，都记在这里。</Text>

      <View className="consent__section">
        <Text className="section-title">我的同意记录</Text>
        {records.length ? (
          <View className="consent__records">
            {records.map((r) => (
              <ConsentRow key={`${r.kind}-${r.version}-${r.acceptedAt}`} record={r} />
            ))}
          </View>
        ) : (
          <Text className="page__lead">还没有同意记录。</Text>
        )}
        <Notice title="指引更新时会再次询问您">
          隐私保护指引的内容有变化时，我们会请您重新阅读并同意新版本；每一次同意都会在这里留下记录。
        </Notice>
      </View>

      <View className="consent__section">
        <Text className="section-title">现行隐私保护指引</Text>
        <PrivacyGuide />
      </View>
    </PageRoot>
  )
}

function ConsentRow({ record }: { record: ConsentRecord }) {
  const current = record.version === PRIVACY_GUIDE.version
  return (
    <View className="consent-row">
      <View className="consent-row__head">
        <Text className="consent-row__kind">✓ {KIND_LABELS[record.kind]}</Text>
        <Text className={`consent-row__version${current ? ' consent-row__version--current' : ''}`}>
          {current ? `版本 ${record.version}（现行）` : `版本 ${record.version}`}
        </Text>
      </View>
      <Text className="consent-row__time">同意时间 {formatDateTime(record.acceptedAt)}</Text>
    </View>
  )
}
