export default definePageConfig({ navigationBarTitleText: '报名和时长' })
