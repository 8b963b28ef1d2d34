export default definePageConfig({ navigationBarTitleText: "视频问诊" })
