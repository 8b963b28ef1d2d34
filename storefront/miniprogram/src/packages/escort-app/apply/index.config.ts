export default definePageConfig({ navigationBarTitleText: "陪诊员入驻申请" })
