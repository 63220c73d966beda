export default definePageConfig({ navigationBarTitleText: '补录志愿时长' })
