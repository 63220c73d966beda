import Taro from '@tarojs/taro'
import { type PropsWithChildren } from 'react'
import './app.scss'

// In WeChat every call goes through CloudBase; the environment id is fixed at build time (TARO_APP_CLOUD_ENV).
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: NUANXIN_CLOUD_ENV, traceUser: true })
}
// Browser-only styles (Taro's H5 title bar); the condition is a build-time constant, so the weapp never carries them.
if (process.env.TARO_ENV === 'h5') require('./h5.scss')

export default function App({ children }: PropsWithChildren) {
  return children
}
