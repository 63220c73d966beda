export default definePageConfig({ navigationBarTitleText: '授权记录' })
