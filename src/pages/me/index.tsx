import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageStatus } from '../../components/page-status'
import { useGuard } from '../../hooks/use-guard'
import { routes } from '../../routes'
import { signOut } from '../../store/session'
import { setLargeText, useLargeText } from '../../store/text-size'
import { PageRoot } from '../../components/page-root'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

/** 我的: the profile as the server holds it (ID number masked), and the ways to change it. */
export default function MePage() {
  const session = useGuard()
  const large = useLargeText()
  const user = session.user
  if (!user?.ready) return <PageStatus session={session} />
  const p = user.profile!
  const entries = [
    { label: '我的申请', url: routes.myApplications },
    { label: '修改个人信息', url: routes.profile },
    { label: '隐私与同意记录', url: routes.consent },
    ...(user.roles.staff.length ? [{ label: '工作台', url: routes.workbench }] : []),
    ...(user.roles.admin ? [{ label: '人员授权', url: routes.roles }] : []),
  ]
  return (
    <PageRoot className="me">
      <View className="me__card">
        <Text className="me__name">{p.realName}</Text>
        <Text className="me__tag">{p.occupation}</Text>
        <View className="me__rows">
          <Row label="身份证号" value={p.idNumberMasked} />
          <Row label="手机号" value={p.mobile} />
          <Row label="平台或单位" value={p.platform} />
          <Row label="所在地区" value={p.regionLabel} />
        </View>
      </View>
      <View className="entry-list">
        {entries.map(({ label, url }) => (
          <View key={url} className="entry" hoverClass="entry--pressed" onClick={() => void Taro.navigateTo({ url })}>
            {label}
          </View>
        ))}
      </View>
      <View className="entry-list">
        {/* 大字模式 (MIIT 2021): the state is said in words, not only by the knob's colour and side. */}
        <View
          className="entry me__switch"
          role="switch"
          aria-checked={large}
          hoverClass="entry--pressed"
          onClick={() => setLargeText(!large)}
        >
          <Text>大字模式</Text>
          <View className="me__switch-state">
            <Text className="me__switch-word">{large ? '已开启' : '已关闭'}</Text>
            <View className={`me__knob${large ? ' me__knob--on' : ''}`} />
          </View>
        </View>
      </View>
      {isH5 ? (
        <View className="me__signout" onClick={signOut}>
          退出登录（本地演示）
        </View>
      ) : null}
    </PageRoot>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="me__row">
      <Text className="me__row-label">{label}</Text>
      <Text className="me__row-value">{value}</Text>
    </View>
  )
}
