export default definePageConfig({ navigationBarTitleText: "我的检测与报告" })
