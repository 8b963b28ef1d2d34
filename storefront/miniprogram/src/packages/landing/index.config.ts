export default definePageConfig({
  navigationBarTitleText: "专题",
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
