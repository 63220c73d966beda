export default definePageConfig({ navigationBarTitleText: '记录证明核验' })
