export default definePageConfig({ navigationBarTitleText: "体质辨识记录" })
