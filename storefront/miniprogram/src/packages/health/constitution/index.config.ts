export default definePageConfig({ navigationBarTitleText: "中医体质辨识" })
