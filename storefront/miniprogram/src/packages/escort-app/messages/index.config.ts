export default definePageConfig({ navigationBarTitleText: "和家属的消息" })
