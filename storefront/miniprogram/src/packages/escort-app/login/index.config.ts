export default definePageConfig({ navigationBarTitleText: "陪诊员登录" })
