/** @jest-environment node */
import { NextRequest } from "next/server"
import { cachedListingPath, decodeListingQuery } from "@/lib/cached-listings"
import { proxy } from "../proxy"

const twinOf = (path: string) => cachedListingPath(new URL(`http://web${path}`))

describe("list pages served from cache through their twin route", () => {
  it.each([
    ["/products", "/catalogue/products/all"],
    ["/products?page=1", "/catalogue/products/all"],
    // One entry per page, however the filters are spelt or ordered.
    [
      "/products?page=2&tag=热销&category=cancer",
      "/catalogue/products/category%3Dcancer%26tag%3D%25E7%2583%25AD%25E9%2594%2580%26page%3D2",
    ],
    [
      "/products?tag=热销&category=cancer&page=2&utm_source=wechat",
      "/catalogue/products/category%3Dcancer%26tag%3D%25E7%2583%25AD%25E9%2594%2580%26page%3D2",
    ],
    // Values no filter holds are dropped rather than cached.
    ["/products?category=<script>&page=-3", "/catalogue/products/all"],
    ["/articles?category=diet&page=3", "/catalogue/articles/category%3Ddiet%26page%3D3"],
  ])("serves %s from %s", (path, twin) => {
    expect(twinOf(path)).toBe(twin)
  })

  it("renders a free-text search and other pages per request", () => {
    expect(twinOf("/products?q=叶酸")).toBeNull()
    expect(twinOf("/products/cancer-risk")).toBeNull()
    expect(twinOf("/cart")).toBeNull()
  })

  it("gives the twin the filters back as the list page reads them", () => {
    const keys = ["category", "tag", "page"]
    const segment = twinOf("/products?tag=热销&category=cancer&page=2")!.split("/").pop()!
    expect(decodeListingQuery(keys, segment)).toEqual({
      category: "cancer",
      tag: "热销",
      page: "2",
    })
    expect(decodeListingQuery(keys, "all")).toEqual({})
    expect(decodeListingQuery(keys, "%E0%A4%A")).toEqual({})
  })

  it("rewrites in the proxy, keeping the shopper's address, the policy and the share code", () => {
    const response = proxy(new NextRequest("http://web/products?category=cancer&ref=ab23cd"))
    expect(response.headers.get("x-middleware-rewrite")).toBe(
      "http://web/catalogue/products/category%3Dcancer"
    )
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/)
    expect(response.cookies.get("ref_code")?.value).toBe("AB23CD")
    expect(
      proxy(new NextRequest("http://web/products?q=x")).headers.get("x-middleware-rewrite")
    ).toBeNull()
  })
})
