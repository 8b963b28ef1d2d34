export default definePageConfig({ navigationBarTitleText: "检测评估报告" })
