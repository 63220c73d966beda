import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../../components/action-button'
import { Notice } from '../../../../components/notice'
import { TextField } from '../../../../components/text-field'
import { routes } from '../../../../routes'
import { signInDemo } from '../../../../store/session'
import { ApiError } from '../../../../api/api-error'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

interface DemoPerson {
  openid: string
  label: string
}

/**
 * H5 on the local server only: stands in for WeChat's login. In the mini-program the platform identifies the
 * user and this page does not exist (app.config.ts leaves it out of the weapp build).
 */
export default function SigninPage() {
  const [people, setPeople] = useState<DemoPerson[]>([])
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string | null>(null)

  useLoad(() => {
    fetch(`${NUANXIN_API_BASE}/api/dev/people`)
      .then((r) => r.json() as Promise<{ ok: boolean; data: DemoPerson[] }>)
      .then((r) => setPeople(r.data))
      .catch(() => setError('连不上本地服务，请确认 npm start 正在运行'))
  })

  const enter = async (openid: string) => {
    setBusy(openid)
    setError(undefined)
    try {
      const user = await signInDemo(openid)
      await Taro.reLaunch({ url: user.ready ? routes.hub : routes.profile })
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.openid ?? e.message) : '登录失败，请重试')
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageRoot className="signin">
      <Text className="page__title">登录暖新</Text>
      <Notice kind="sandbox" title="本地演示登录（沙箱）">
        这一页代替微信登录，只在本地开发环境存在。正式小程序里由微信确认您的身份，无需输入任何账号。
      </Notice>

      <Text className="section-title">以新用户身份体验</Text>
      <TextField label="名字" value={name} onChange={setName} placeholder="输入一个名字，例如 小张" error={error} maxlength={32} />
      <ActionButton onClick={() => void enter(name.trim())} busy={busy === name.trim() && !!name} busyText="正在进入…" disabled={!name.trim()}>
        以新用户身份进入
      </ActionButton>

      <Text className="section-title">或选择一位演示用户</Text>
      <View className="signin__people">
        {people.map((p) => (
          <View key={p.openid} className="signin__person" hoverClass="signin__person--pressed" onClick={() => void enter(p.openid)}>
            {busy === p.openid ? '正在进入…' : p.label}
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
