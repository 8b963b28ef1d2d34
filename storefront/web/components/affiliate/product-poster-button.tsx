"use client"

import { useState } from "react"
import type { PosterPrice } from "@/lib/product-poster-price"
import { SharePoster } from "./share-poster"

/** 生成海报 beside 分享赚 on a product page: the poster opens in place, drawn on demand. */
export function ProductPosterButton(props: {
  handle: string
  title: string
  price: PosterPrice
  link: string
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="product-poster-button"
      >
        {open ? "收起海报" : "生成分享海报"}
      </button>
      {open && <SharePoster {...props} />}
    </>
  )
}
