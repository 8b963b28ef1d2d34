export default definePageConfig({ navigationBarTitleText: "陪诊详情" })
