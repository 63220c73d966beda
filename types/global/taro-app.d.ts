// Ambient declarations for the Taro app (src/) and its build config.
/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const url: string
  export default url
}
declare module '*.scss'

/** API origin for the H5 build; '' = same origin as the page (set by config/index.ts from TARO_APP_API_BASE). */
declare const NUANXIN_API_BASE: string
/** CloudBase environment id for Taro.cloud in the weapp (from TARO_APP_CLOUD_ENV, default 'nuanxin-prod'). */
declare const NUANXIN_CLOUD_ENV: string
/** The subscribe-message template id for progress notices; '' when none is configured. */
declare const NUANXIN_TEMPLATE_PROGRESS: string
/** Map tile URL template for the H5 station map (`…/{z}/{x}/{y}.png`); '' = the stations' plot without tiles. */
declare const NUANXIN_MAP_TILES: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** Target platform, set by `taro build --type`; replaced by a literal at build time. */
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_API_BASE?: string
    TARO_APP_CLOUD_ENV?: string
  }
}
