export default definePageConfig({ navigationBarTitleText: "我的陪诊" })
