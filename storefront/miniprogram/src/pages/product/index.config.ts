export default definePageConfig({
  navigationBarTitleText: "检测详情",
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
