export default definePageConfig({
  navigationBarTitleText: "健康资讯",
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
