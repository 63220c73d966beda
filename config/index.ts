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
    // Filesystem cache under node_modules/.cache/webpack, one per NODE_ENV+TARO_ENV: rebuilds ≈ 3x faster.
    cache: { enable: true },
    alias: {
      '~types': path.join(root, 'types'),
    },
    defineConstants: {
      // '' = same origin: the local server serves the H5 build and the API together.
      NUANXIN_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      NUANXIN_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? 'nuanxin-prod'),
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  }
  return config
})
