export default definePageConfig({ navigationBarTitleText: '导入驿站表格' })
