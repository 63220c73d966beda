import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const root = path.resolve(__dirname, '..')
// The CLI sets TARO_ENV from `--type` before it loads this file.
const platform = process.env.TARO_ENV ?? 'weapp'

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'nuanxin',
    // 375 keeps scss px equal to CSS px on a typical phone, so "16px" in a style means 16px on screen.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    framework: 'react',
    compiler: 'webpack5',
    // Filesystem cache under node_modules/.cache/webpack, one per NODE_ENV+TARO_ENV: rebuilds ≈ 4x faster.
    // Taro already invalidates it on config/index.ts and app.config.ts; babel.config.js must be added.
    cache: { enable: true, buildDependencies: { babel: [path.join(root, 'babel.config.js')] } },
    alias: {
      '~types': path.join(root, 'types'),
    },
    defineConstants: {
      // '' = same origin: the local server serves the H5 build and the API together.
      NUANXIN_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      NUANXIN_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? 'nuanxin-prod'),
      // The subscribe-message template "办理进度通知" (mini-program console); '' = no lock-screen notices.
      NUANXIN_TEMPLATE_PROGRESS: JSON.stringify(process.env.TARO_APP_TEMPLATE_PROGRESS ?? ''),
      // Map tiles for the browser's station map, `https://…/{z}/{x}/{y}.png` in GCJ-02 (AMap, Tencent); '' = the plot
      // of the stations alone (no tile server is reachable offline). The mini-program uses WeChat's own map.
      NUANXIN_MAP_TILES: JSON.stringify(process.env.TARO_APP_MAP_TILES ?? ''),
    },
    // types/ and config/ (app settings such as the deadline rules, shared with the cloud functions) live outside
    // src/: Taro compiles only src/ unless told.
    mini: { compile: { include: [path.join(root, 'types'), path.join(root, 'config')] } },
    // Taro's base.wxml holds a template per component per nesting level (default 16 levels ≈ 57 KiB of the main
    // package). Our pages are shallow; at 4 levels it is ≈ 20 KiB, and deeper nodes still render, through the
    // recursive comp component (a little slower, only where a tree is deeper than 4).
    baseLevel: 4,
    h5: {
      compile: { include: [path.join(root, 'types'), path.join(root, 'config')] },
      // Taro's H5 root font grows to 40px on wide screens, doubling every size at a desk; staff work at desks.
      postcss: { pxtransform: { enable: true, config: { maxRootSize: 20 } } },
      publicPath: '/',
      // Hash routes need no server-side rewrites: any static server can serve dist/h5.
      router: { mode: 'hash' },
      // `taro build --type h5 --watch` would otherwise listen on every interface.
      devServer: { host: '127.0.0.1' },
      // Content hashes in names let a server cache js/css forever.
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
    },
  }
  return config
})
