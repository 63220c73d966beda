export default definePageConfig({ navigationBarTitleText: '添加证书' })
