export default definePageConfig({ navigationBarTitleText: '江海新才学院' })
