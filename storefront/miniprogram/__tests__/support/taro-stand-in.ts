// A stand-in for @tarojs/taro in jsdom: storage in memory, requests answered by the test's
// fake back end, navigation and share registrations recorded for assertions.
import { useEffect, useLayoutEffect } from "react"

type RequestOption = {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
}
export type FakeAnswer = { statusCode: number; data: unknown; header?: Record<string, string> }
type Handler = (request: RequestOption) => FakeAnswer | Promise<FakeAnswer>

const storage = new Map<string, unknown>()

export const stand = {
  requests: [] as RequestOption[],
  handler: (() => ({ statusCode: 404, data: "{}" })) as Handler,
  params: {} as Record<string, string>,
  navigations: [] as { kind: string; url: string }[],
  toasts: [] as string[],
  share: { appMessage: null as null | (() => unknown), timeline: null as null | (() => unknown) },
  loginCode: "wx-code-tester.1",
  payments: [] as Record<string, string>[],
  /** What <Button open-type="getPhoneNumber"> answers when tapped. */
  phoneNumber: { errMsg: "getPhoneNumber:ok", code: "phone-code-1" } as {
    errMsg: string
    code?: string
  },
  /** Files Taro.uploadFile sent, and what it answers (commerce's status and JSON text). */
  uploads: [] as { url: string; name: string; filePath: string; header?: Record<string, string> }[],
  uploadAnswer: { statusCode: 201, data: '{"upload":{"id":"escupl_1"}}' },
  /** Files Taro.downloadFile fetched; each answers a temporary path named after the URL. */
  downloads: [] as { url: string; header?: Record<string, string> }[],
  /** What wx.chooseImage answers: the picked files, or nothing (cancelled). */
  chosenImages: [] as { path: string; size: number }[],
  /** What wx.chooseMedia answers: the picked files' temporary paths, or nothing (cancelled). */
  chosenMedia: [] as string[],
  /** What wx.getLocation answers: a place, or the errMsg it fails with (a refusal). */
  location: { latitude: 29.37, longitude: 113.13 } as
    | { latitude: number; longitude: number }
    | { errMsg: string },
  locationAsks: 0,
  /** Files wx.shareFileMessage was given (the archive export in WeChat). */
  sharedFiles: [] as { filePath: string; fileName?: string }[],
  /** What wx.chooseAddress (the member's WeChat address list) answers. */
  chosenAddress: null as null | Record<string, string>,
  /** The title a page last set on its navigation bar. */
  navigationTitle: "",
  reset() {
    this.navigationTitle = ""
    storage.clear()
    this.chosenMedia = []
    this.location = { latitude: 29.37, longitude: 113.13 }
    this.locationAsks = 0
    this.sharedFiles = []
    this.chosenAddress = null
    this.uploads = []
    this.uploadAnswer = { statusCode: 201, data: '{"upload":{"id":"escupl_1"}}' }
    this.downloads = []
    this.chosenImages = []
    this.requests = []
    this.handler = () => ({ statusCode: 404, data: "{}" })
    this.params = {}
    this.navigations = []
    this.toasts = []
    this.share = { appMessage: null, timeline: null }
    this.payments = []
    this.phoneNumber = { errMsg: "getPhoneNumber:ok", code: "phone-code-1" }
  },
}

function request(option: RequestOption & { dataType?: string }) {
  stand.requests.push(option)
  const promise = Promise.resolve(stand.handler(option)).then((answer) => ({
    ...answer,
    header: answer.header ?? {},
    data: typeof answer.data === "string" ? answer.data : JSON.stringify(answer.data),
  })) as Promise<FakeAnswer> & { abort?: () => void }
  promise.abort = () => undefined
  return promise
}

const navigate = (kind: string) => (option: { url: string }) => {
  stand.navigations.push({ kind, url: option.url })
  return Promise.resolve({ errMsg: `${kind}:ok` })
}

const Taro = {
  request,
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ""),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: navigate("navigateTo"),
  redirectTo: navigate("redirectTo"),
  switchTab: navigate("switchTab"),
  navigateBack: () => {
    stand.navigations.push({ kind: "navigateBack", url: "" })
    return Promise.resolve({ errMsg: "navigateBack:ok" })
  },
  showToast: (option: { title: string }) => {
    stand.toasts.push(option.title)
    return Promise.resolve()
  },
  showModal: () => Promise.resolve({ confirm: true, cancel: false }),
  chooseAddress: () =>
    stand.chosenAddress
      ? Promise.resolve({ ...stand.chosenAddress, errMsg: "chooseAddress:ok" })
      : Promise.reject({ errMsg: "chooseAddress:fail cancel" }),
  showLoading: () => Promise.resolve(),
  hideLoading: () => Promise.resolve(),
  login: () => Promise.resolve({ code: stand.loginCode, errMsg: "login:ok" }),
  requestPayment: (option: Record<string, string>) => {
    stand.payments.push(option)
    return Promise.resolve({ errMsg: "requestPayment:ok" })
  },
  setClipboardData: () => Promise.resolve(),
  setNavigationBarTitle: (option: { title: string }) => {
    stand.navigationTitle = option.title
    return Promise.resolve()
  },
  uploadFile: (option: {
    url: string
    name: string
    filePath: string
    header?: Record<string, string>
  }) => {
    stand.uploads.push(option)
    return Promise.resolve({ ...stand.uploadAnswer, errMsg: "uploadFile:ok" })
  },
  downloadFile: (option: { url: string; header?: Record<string, string> }) => {
    stand.downloads.push(option)
    return Promise.resolve({
      statusCode: 200,
      tempFilePath: `wxfile://tmp${new URL(option.url).pathname}`,
      errMsg: "downloadFile:ok",
    })
  },
  chooseImage: () =>
    stand.chosenImages.length
      ? Promise.resolve({ tempFiles: stand.chosenImages, errMsg: "chooseImage:ok" })
      : Promise.reject({ errMsg: "chooseImage:fail cancel" }),
  chooseMedia: () =>
    stand.chosenMedia.length
      ? Promise.resolve({
          tempFiles: stand.chosenMedia.map((tempFilePath) => ({ tempFilePath, size: 1024 })),
          errMsg: "chooseMedia:ok",
        })
      : Promise.reject({ errMsg: "chooseMedia:fail cancel" }),
  getLocation: () => {
    stand.locationAsks += 1
    const answer = stand.location
    return "errMsg" in answer
      ? Promise.reject(answer)
      : Promise.resolve({ ...answer, errMsg: "getLocation:ok" })
  },
  shareFileMessage: (option: { filePath: string; fileName?: string }) => {
    stand.sharedFiles.push(option)
    return Promise.resolve({ errMsg: "shareFileMessage:ok" })
  },
  openDocument: () => Promise.resolve(),
  previewImage: () => Promise.resolve(),
  makePhoneCall: () => Promise.resolve(),
  openLocation: () => Promise.resolve(),
  getCurrentInstance: () => ({ router: { path: "/pages/test/index", params: stand.params } }),
}

export default Taro

export const useRouter = () => ({ params: stand.params, path: "/pages/test/index" })
export const useLaunch = (callback: (options: { query: Record<string, string> }) => void) =>
  useLayoutEffect(() => callback({ query: stand.params }), [])
export const useDidShow = (callback: () => void) => useEffect(() => callback(), [])
export const useReady = (callback: () => void) => useEffect(() => callback(), [])
export const useShareAppMessage = (callback: () => unknown) => {
  stand.share.appMessage = callback
}
export const useShareTimeline = (callback: () => unknown) => {
  stand.share.timeline = callback
}
