export default definePageConfig({ navigationBarTitleText: "专家在线咨询" })
