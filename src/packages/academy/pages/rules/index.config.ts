export default definePageConfig({ navigationBarTitleText: '补贴标准' })
