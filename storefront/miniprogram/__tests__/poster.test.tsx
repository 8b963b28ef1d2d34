import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Taro from "@tarojs/taro"
import { ApiError } from "@health/core"
import Poster from "../src/packages/affiliate/poster/index"
import { drawPoster, qrModules, type PosterContext } from "../src/lib/poster"
import { chooseScanCode, type ImageCanvas } from "../src/lib/poster-scan-code"
import { saveImageToAlbum } from "../src/lib/save-to-album"
import { session } from "../src/lib/session"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

type Download = { url: string; header: Record<string, string> }
type Drawing = { texts: string[]; images: unknown[][]; smallRects: number }

/** WeChat APIs the poster uses beyond the shared stand-in, answered per test. */
const wx = {
  downloads: [] as Download[],
  download: (() => ({ statusCode: 200, tempFilePath: "wxfile://tmp/code.png" })) as (
    option: Download
  ) => { statusCode: number; tempFilePath: string } | Promise<never>,
  files: {} as Record<string, string>,
  saves: [] as string[],
  save: [] as (() => Promise<unknown>)[],
  modals: [] as { title: string; content: string }[],
  modalConfirm: true,
  albumAllowedInSettings: true,
  settingsOpened: 0,
}

Object.assign(Taro as unknown as Record<string, unknown>, {
  downloadFile: async (option: Download) => {
    wx.downloads.push(option)
    return wx.download(option)
  },
  getFileSystemManager: () => ({
    readFileSync: (path: string) => {
      if (!(path in wx.files)) throw new Error(`no file ${path}`)
      return wx.files[path]
    },
  }),
  saveImageToPhotosAlbum: ({ filePath }: { filePath: string }) => {
    wx.saves.push(filePath)
    return (wx.save.shift() ?? (() => Promise.resolve({ errMsg: "ok" })))()
  },
  showModal: (option: { title: string; content: string }) => {
    wx.modals.push({ title: option.title, content: option.content })
    return Promise.resolve({ confirm: wx.modalConfirm, cancel: !wx.modalConfirm })
  },
  openSetting: () => {
    wx.settingsOpened++
    return Promise.resolve({
      authSetting: { "scope.writePhotosAlbum": wx.albumAllowedInSettings },
    })
  },
})

/** A canvas context that records what is drawn. */
function recorder(): { ctx: PosterContext; drawing: Drawing } {
  const drawing: Drawing = { texts: [], images: [], smallRects: 0 }
  const ctx: PosterContext = {
    fillStyle: "",
    font: "",
    textAlign: "",
    fillRect: (_x, _y, w) => {
      if (w < 40) drawing.smallRects++
    },
    fillText: (text) => void drawing.texts.push(text),
    drawImage: (...args) => void drawing.images.push(args),
  }
  return { ctx, drawing }
}

/** WeChat's 2D canvas node: its images load whatever src they are given. */
function wechatCanvas(failSrc?: string) {
  const loaded: { src: string }[] = []
  const canvas: ImageCanvas = {
    createImage: () => {
      const image = {
        onload: null as (() => void) | null,
        onerror: null as ((error: unknown) => void) | null,
        _src: "",
        get src() {
          return this._src
        },
        set src(value: string) {
          this._src = value
          loaded.push(this)
          setTimeout(() => (value === failSrc ? this.onerror?.(new Error()) : this.onload?.()))
        },
      }
      return image
    },
  }
  return { canvas, loaded }
}

const input = {
  brand: "健康服务平台",
  headline: "基因检测",
  memberName: "张三",
  code: "ABC2345",
  link: "http://web.test/r/ABC2345",
}

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
  wx.downloads = []
  wx.download = () => ({ statusCode: 200, tempFilePath: "wxfile://tmp/code.png" })
  wx.files = {}
  wx.saves = []
  wx.save = []
  wx.modals = []
  wx.modalConfirm = true
  wx.albumAllowedInSettings = true
  wx.settingsOpened = 0
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

describe("drawing the share poster", () => {
  it("draws the QR code of the referral link and says to scan or long-press it", () => {
    const { ctx, drawing } = recorder()
    const modules = qrModules("http://web.test/r/ABC2345")
    drawPoster(ctx, input, { kind: "link", modules })
    expect(drawing.smallRects).toBe(modules.flat().filter(Boolean).length)
    expect(drawing.smallRects).toBeGreaterThan(100)
    expect(drawing.images).toEqual([])
    expect(drawing.texts).toEqual([
      "健康服务平台",
      "基因检测",
      "张三 邀请您",
      "微信扫码或长按识别 · 推荐码 ABC2345",
      "基因检测 · 中医体质辨识 · 健康档案",
    ])
  })

  it("draws the 小程序码 image in the card's 300 px square and says it opens the mini-program", () => {
    const { ctx, drawing } = recorder()
    const image = { src: "wxfile://tmp/code.png" }
    drawPoster(ctx, input, { kind: "miniprogram", image })
    expect(drawing.images).toEqual([[image, 150, 270, 300, 300]])
    expect(drawing.smallRects).toBe(0)
    expect(drawing.texts).toContain("微信扫码进入小程序 · 推荐码 ABC2345")
  })
})

describe("what the poster's friend scans", () => {
  it("is the web link's QR code in H5, without asking commerce for a 小程序码", async () => {
    const choice = await chooseScanCode(wechatCanvas().canvas, "tok_1", input.link)
    expect(choice).toEqual({
      scanCode: { kind: "link", modules: qrModules(input.link) },
      notice: null,
    })
    expect(wx.downloads).toEqual([])
  })

  it("is the member's 小程序码 in WeChat, downloaded with their token and loaded on the canvas", async () => {
    process.env.TARO_ENV = "weapp"
    const { canvas, loaded } = wechatCanvas()
    const choice = await chooseScanCode(canvas, "tok_1", input.link)
    expect(wx.downloads).toEqual([
      {
        url: "http://commerce.test/store/affiliate/miniprogram-code",
        header: { authorization: "Bearer tok_1", "x-publishable-api-key": "pk_test" },
      },
    ])
    expect(loaded.map((image) => image.src)).toEqual(["wxfile://tmp/code.png"])
    expect(choice).toEqual({ scanCode: { kind: "miniprogram", image: loaded[0] }, notice: null })
  })

  it("falls back to the link's QR code, saying why, when WeChat cannot draw the code (502)", async () => {
    process.env.TARO_ENV = "weapp"
    wx.download = () => ({ statusCode: 502, tempFilePath: "wxfile://tmp/error" })
    wx.files["wxfile://tmp/error"] = JSON.stringify({
      type: "wechat_unavailable",
      message: "生成小程序码过于频繁，请稍后再试",
    })
    const choice = await chooseScanCode(wechatCanvas().canvas, "tok_1", input.link)
    expect(choice).toEqual({
      scanCode: { kind: "link", modules: qrModules(input.link) },
      notice: "小程序码暂时无法生成（生成小程序码过于频繁，请稍后再试），海报先使用网页二维码",
    })
  })

  it("falls back too when the download fails or the image does not load", async () => {
    process.env.TARO_ENV = "weapp"
    wx.download = () => Promise.reject({ errMsg: "downloadFile:fail timeout" }) as never
    expect((await chooseScanCode(wechatCanvas().canvas, "tok_1", input.link)).notice).toBe(
      "小程序码暂时无法生成，海报先使用网页二维码"
    )
    wx.download = () => ({ statusCode: 200, tempFilePath: "wxfile://tmp/broken.png" })
    const broken = await chooseScanCode(
      wechatCanvas("wxfile://tmp/broken.png").canvas,
      "tok_1",
      input.link
    )
    expect(broken.scanCode.kind).toBe("link")
    expect(broken.notice).toBe("小程序码暂时无法生成，海报先使用网页二维码")
  })

  it("stops at commerce's refusal (a disabled code refers nobody)", async () => {
    process.env.TARO_ENV = "weapp"
    wx.download = () => ({ statusCode: 400, tempFilePath: "wxfile://tmp/refused" })
    wx.files["wxfile://tmp/refused"] = JSON.stringify({
      type: "not_allowed",
      message: "您的推荐码已停用，不能生成小程序码",
    })
    const refused = chooseScanCode(wechatCanvas().canvas, "tok_1", input.link)
    await expect(refused).rejects.toBeInstanceOf(ApiError)
    await expect(refused).rejects.toMatchObject({
      status: 400,
      message: "您的推荐码已停用，不能生成小程序码",
    })
  })
})

describe("saving the poster to the album", () => {
  const refusal = (errMsg: string) => () => Promise.reject({ errMsg })

  it("saves at once when the member allows it", async () => {
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).resolves.toBe("saved")
    expect(wx.saves).toEqual(["wxfile://tmp/poster.png"])
    expect(wx.modals).toEqual([])
  })

  it("does nothing more when the member cancels", async () => {
    wx.save = [refusal("saveImageToPhotosAlbum:fail cancel")]
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).resolves.toBe("cancelled")
    expect(wx.modals).toEqual([])
  })

  it("after a refused permission, sends the member to settings and saves once it is allowed", async () => {
    wx.save = [refusal("saveImageToPhotosAlbum:fail auth deny")]
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).resolves.toBe("saved")
    expect(wx.modals).toEqual([
      { title: "需要相册权限", content: "保存海报需要允许「保存到相册」，请在设置中打开后继续" },
    ])
    expect(wx.settingsOpened).toBe(1)
    expect(wx.saves).toEqual(["wxfile://tmp/poster.png", "wxfile://tmp/poster.png"])
  })

  it("reports denied when the member declines the prompt or leaves the setting off", async () => {
    wx.save = [refusal("saveImageToPhotosAlbum:fail authorize no response")]
    wx.modalConfirm = false
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).resolves.toBe("denied")
    expect(wx.settingsOpened).toBe(0)

    wx.save = [refusal("saveImageToPhotosAlbum:fail auth denied")]
    wx.modalConfirm = true
    wx.albumAllowedInSettings = false
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).resolves.toBe("denied")
    expect(wx.settingsOpened).toBe(1)
    expect(wx.saves).toHaveLength(2)
  })

  it("passes any other failure on", async () => {
    wx.save = [refusal("saveImageToPhotosAlbum:fail file not found")]
    await expect(saveImageToAlbum("wxfile://tmp/poster.png")).rejects.toEqual({
      errMsg: "saveImageToPhotosAlbum:fail file not found",
    })
  })
})

describe("分享海报 page in WeChat", () => {
  it("draws the member's 小程序码 on the 2D canvas and saves the poster to the album", async () => {
    process.env.TARO_ENV = "weapp"
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/affiliate/me": {
        affiliate: { id: "aff_1", code: "MINE2345", link: "http://web.test/r/MINE2345" },
      },
      "GET /store/customers/me": {
        customer: { id: "cus_1", first_name: "三", last_name: "张", email: null, phone: null },
      },
    })
    const { ctx, drawing } = recorder()
    const { canvas, loaded } = wechatCanvas()
    const node = Object.assign(canvas, { width: 0, height: 0, getContext: () => ctx })
    const exported: unknown[] = []
    Object.assign(Taro as unknown as Record<string, unknown>, {
      createSelectorQuery: () => ({
        select: () => ({
          fields: () => ({ exec: (done: (res: unknown[]) => void) => done([{ node }]) }),
        }),
      }),
      canvasToTempFilePath: (option: { canvas: unknown }) => {
        exported.push(option.canvas)
        return Promise.resolve({ tempFilePath: "wxfile://tmp/poster.png" })
      },
    })

    render(<Poster />)
    expect((await screen.findByTestId("poster-ready")).textContent).toBe("推荐码 MINE2345")
    expect([node.width, node.height]).toEqual([600, 900])
    expect(drawing.images).toEqual([[loaded[0], 150, 270, 300, 300]])
    expect(loaded[0].src).toBe("wxfile://tmp/code.png")
    expect(drawing.texts).toContain("张三 邀请您")
    expect(drawing.texts).toContain("微信扫码进入小程序 · 推荐码 MINE2345")
    expect(screen.queryByTestId("poster-notice")).toBeNull()

    fireEvent.click(screen.getByText("保存到相册"))
    await waitFor(() => expect(stand.toasts).toEqual(["已保存到相册"]))
    expect(exported).toEqual([node])
    expect(wx.saves).toEqual(["wxfile://tmp/poster.png"])
  })
})
