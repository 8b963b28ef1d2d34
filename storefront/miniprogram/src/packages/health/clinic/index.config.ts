export default definePageConfig({ navigationBarTitleText: "线下义诊" })
