export default definePageConfig({
  navigationBarTitleText: "健康服务平台",
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
