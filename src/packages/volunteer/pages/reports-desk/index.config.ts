export default definePageConfig({ navigationBarTitleText: '随手拍受理情况' })
