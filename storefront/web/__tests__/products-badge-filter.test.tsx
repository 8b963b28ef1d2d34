import type { Product } from "@health/core"
import { render, screen, within } from "@testing-library/react"

const listProducts = jest.fn()
const productTagIds = jest.fn()
jest.mock("@/lib/backends", () => ({
  commerce: {
    getRegion: async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }),
    listCategoryTree: async () => [],
    listProducts: (...args: unknown[]) => listProducts(...args),
    productTagIds: (...args: unknown[]) => productTagIds(...args),
  },
}))

// Imported after the mock, as Next would render it.
const ProductsPage = require("@/app/products/page")
  .default as typeof import("@/app/products/page").default

const HOT: Product = {
  id: "prod_1",
  title: "肿瘤易感基因检测",
  handle: "cancer-risk",
  tags: [{ id: "ptag_hot", value: "热销" }],
}

beforeEach(() => {
  listProducts.mockReset().mockResolvedValue({ products: [HOT], count: 1 })
  productTagIds.mockReset().mockResolvedValue(["ptag_hot"])
})

const renderPage = async (params: Record<string, string>) =>
  render(await ProductsPage({ searchParams: Promise.resolve(params) }))

describe("product list: 热销 and 新品", () => {
  it("filters by the tag's id and marks the filter; cards carry the badge", async () => {
    await renderPage({ tag: "热销" })
    expect(productTagIds).toHaveBeenCalledWith(["热销"])
    expect(listProducts).toHaveBeenCalledWith(expect.objectContaining({ tagIds: ["ptag_hot"] }))
    const filters = within(screen.getByTestId("badge-filter"))
    expect(filters.getByText("热销").getAttribute("aria-current")).toBe("true")
    // Choosing it again takes the filter off.
    expect(filters.getByText("热销").getAttribute("href")).toBe("/products")
    expect(filters.getByText("新品").getAttribute("href")).toBe(
      `/products?tag=${encodeURIComponent("新品")}`
    )
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("全部基因检测 · 热销")
    expect(screen.getByTestId("product-card").querySelector(".product-badge")?.textContent).toBe(
      "热销"
    )
  })

  it("ignores another tag value, and lists nothing for a badge no product has", async () => {
    await renderPage({ tag: "儿童" })
    expect(productTagIds).not.toHaveBeenCalled()
    expect(listProducts).toHaveBeenCalledWith(expect.objectContaining({ tagIds: undefined }))

    productTagIds.mockResolvedValue([])
    listProducts.mockClear()
    await renderPage({ tag: "新品" })
    expect(listProducts).not.toHaveBeenCalled()
    expect(screen.getByText("暂无符合条件的检测产品")).toBeTruthy()
  })
})
