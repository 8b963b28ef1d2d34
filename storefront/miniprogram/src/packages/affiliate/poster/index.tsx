import { Button, Canvas, Image, Text, View } from "@tarojs/components"
import Taro, { useReady } from "@tarojs/taro"
import { displayName, messages } from "@health/core"
import { useState } from "react"
import { member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { drawPoster, POSTER_SIZE, type PosterContext } from "../../../lib/poster"
import { chooseScanCode, type ImageCanvas } from "../../../lib/poster-scan-code"
import { saveImageToAlbum } from "../../../lib/save-to-album"
import { session } from "../../../lib/session"

type Drawn = { canvas: PosterCanvas; code: string }

/** H5 renders the <canvas> inside Taro's canvas element a moment after the page is ready. */
async function waitForH5Canvas(): Promise<PosterCanvas | null> {
  for (let i = 0; i < 30; i++) {
    const found = Array.from(document.querySelectorAll<HTMLCanvasElement>("#poster canvas")).find(
      (canvas) => canvas.offsetParent !== null
    )
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return null
}

/** The canvas: WeChat's 2D canvas node in the mini-program, the <canvas> element in H5. */
type PosterCanvas = ImageCanvas & {
  width: number
  height: number
  getContext(type: "2d"): PosterContext | null
  toDataURL?: () => string
}

function findCanvas(): Promise<PosterCanvas | null> {
  if (!isWeapp()) return waitForH5Canvas()

  return new Promise((resolve) =>
    Taro.createSelectorQuery()
      .select("#poster")
      .fields({ node: true, size: true })
      .exec((res) => resolve(res?.[0]?.node ?? null))
  )
}

/**
 * 分享海报: drawn on a canvas with the member's 小程序码 in the mini-program (the web referral
 * link's QR code in H5), saved to the album in WeChat and long-pressed in a browser.
 */
export default function Poster() {
  const [drawn, setDrawn] = useState<Drawn | null>(null)
  const [image, setImage] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useReady(() => {
    const token = session.token()
    if (!token) return setProblem("请先登录")
    Promise.all([member.affiliate.me(token), member.me(token), findCanvas()])
      .then(async ([profile, me, canvas]) => {
        if (!canvas) throw new Error("画布不可用")
        canvas.width = POSTER_SIZE.width
        canvas.height = POSTER_SIZE.height
        const context = canvas.getContext("2d")
        if (!context) throw new Error("画布不可用")
        const choice = await chooseScanCode(canvas, token, profile.link)
        drawPoster(
          context,
          {
            brand: messages.brand,
            headline: "基因检测 · 读懂自己的健康",
            memberName: displayName(me) || "好友",
            code: profile.code,
            link: profile.link,
          },
          choice.scanCode
        )
        setNotice(choice.notice)
        setDrawn({ canvas, code: profile.code })
        if (!isWeapp() && canvas.toDataURL) setImage(canvas.toDataURL())
      })
      .catch((error) => setProblem(explainError(error, (error as Error).message)))
  })

  async function save() {
    if (!drawn) return
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvas: drawn.canvas as never,
        fileType: "png",
      } as Taro.canvasToTempFilePath.Option)
      const outcome = await saveImageToAlbum(tempFilePath)
      if (outcome === "saved") Taro.showToast({ title: "已保存到相册", icon: "success" })
      if (outcome === "denied")
        Taro.showToast({ title: "未允许保存到相册，海报没有保存", icon: "none" })
    } catch {
      Taro.showToast({ title: "保存失败，请稍后重试", icon: "none" })
    }
  }

  return (
    <View className="page" data-testid="poster">
      <Canvas
        id="poster"
        type="2d"
        style={{ width: "300px", height: "450px", display: "block", margin: "0 auto" }}
      />
      {problem ? <Text className="error-text">{problem}</Text> : null}
      {notice ? (
        <Text className="muted" data-testid="poster-notice">
          {notice}
        </Text>
      ) : null}
      {drawn ? (
        <Text className="muted" data-testid="poster-ready">
          推荐码 {drawn.code}
        </Text>
      ) : (
        <Text className="muted">正在生成海报…</Text>
      )}
      {isWeapp() ? (
        <Button className="btn-primary" disabled={!drawn} onClick={save}>
          保存到相册
        </Button>
      ) : image ? (
        <View>
          <Text className="muted">长按图片保存，或分享给好友</Text>
          <Image
            src={image}
            style={{ width: "150px", height: "225px" }}
            data-testid="poster-image"
          />
        </View>
      ) : null}
    </View>
  )
}
