export default definePageConfig({ navigationBarTitleText: "陪诊员工作台" })
