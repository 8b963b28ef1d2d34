"use client"

import { useState } from "react"

/** Shows the poster and saves it as a PNG, drawn through a canvas at double resolution. */
export function SharePoster({ svg, link, code }: { svg: string; link: string; code: string }) {
  const [message, setMessage] = useState<string>()
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

  const download = () => {
    const image = new Image()
    image.onload = () => {
      const canvas = document.createElement("canvas")
      canvas.width = 1200
      canvas.height = 1800
      canvas.getContext("2d")!.drawImage(image, 0, 0, 1200, 1800)
      const anchor = document.createElement("a")
      anchor.href = canvas.toDataURL("image/png")
      anchor.download = `分享海报-${code}.png`
      anchor.click()
    }
    image.onerror = () => setMessage("海报生成失败，请长按图片保存")
    image.src = src
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setMessage("链接已复制，发给好友吧")
    } catch {
      setMessage("复制失败，请手动复制上方链接")
    }
  }

  return (
    <div className="poster">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt="分享海报：扫码注册即绑定推荐关系" data-testid="share-poster" />
      <div className="poster-actions">
        <button type="button" className="button primary" onClick={download}>
          下载海报
        </button>
        <button type="button" className="button" onClick={copy}>
          复制链接
        </button>
      </div>
      {message && <p className="form-notice">{message}</p>}
    </div>
  )
}
