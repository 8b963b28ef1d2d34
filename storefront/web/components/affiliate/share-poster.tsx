"use client"

import { useState } from "react"
import { posterUrl, type PosterPrice } from "@/lib/product-poster-price"

/**
 * A product's share poster, drawn by the server (product picture, title, price, the member's
 * name and a QR code of the product page with their code): preview, 下载海报, 复制链接.
 */
export function SharePoster({
  handle,
  title,
  price,
  link,
}: {
  handle: string
  title: string
  /** The price the poster prints, read with the page: its version is part of the URL. */
  price: PosterPrice
  /** The product page with the member's `?ref=` code, the same link as in the QR code. */
  link: string
}) {
  const [message, setMessage] = useState<string>()

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setMessage("链接已复制，发给好友吧")
    } catch {
      setMessage("复制失败，请长按海报保存后分享")
    }
  }

  return (
    <div className="poster">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        key={`${handle}:${price.version}`}
        src={posterUrl(handle, price)}
        alt={`${title} 分享海报：扫码查看商品，注册即绑定推荐关系`}
        width={300}
        height={480}
        data-testid="share-poster"
        data-price={price.text ?? ""}
        onError={() => setMessage("海报暂时无法生成，请先复制链接分享")}
      />
      <div className="poster-actions">
        <a
          className="button primary"
          href={posterUrl(handle, price, true)}
          download={`分享海报-${title}.png`}
          data-testid="share-poster-download"
        >
          下载海报
        </a>
        <button type="button" className="button" onClick={copy}>
          复制链接
        </button>
      </div>
      {message && (
        <p className="form-notice" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
