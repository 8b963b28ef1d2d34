export default definePageConfig({ navigationBarTitleText: "激活检测盒" })
