import { fireEvent, render, screen, waitFor } from "@testing-library/react"

const { ShareEarning } =
  require("@/components/affiliate/share-earning") as typeof import("@/components/affiliate/share-earning")

const product = {
  id: "prod_1",
  handle: "folate",
  title: "叶酸代谢基因检测",
  variants: [{ id: "variant_1", title: "标准版", calculated_price: { calculated_amount: 199 } }],
}

/** The browser's fetch of /api/affiliate/share-earning (its route has tests of its own). */
const answer = (offer: unknown) =>
  jest.fn(async () => ({ ok: true, json: async () => ({ offer }) }))

describe("分享赚 on a product page served from cache", () => {
  it("offers a distributor the product's poster next to what sharing earns", async () => {
    const fetched = answer({
      amount: 15.92,
      posterLink: "http://localhost:8000/products/folate?ref=ABC2345",
    })
    global.fetch = fetched as unknown as typeof fetch
    render(<ShareEarning product={product} />)
    expect((await screen.findByTestId("share-earning")).textContent).toBe("分享赚 ¥15.92")
    expect(fetched).toHaveBeenCalledWith(
      "/api/affiliate/share-earning?product=prod_1&handle=folate",
      { cache: "no-store" }
    )
    fireEvent.click(screen.getByTestId("product-poster-button"))
    expect(screen.getByTestId("share-poster").getAttribute("src")).toBe(
      "/api/affiliate/poster?product=folate&v=19900-19900"
    )
    expect(screen.getByTestId("share-poster").getAttribute("data-price")).toBe("¥199.00")
    expect(screen.getByTestId("product-poster-button").textContent).toBe("收起海报")
  })

  it("shows nothing to members who earn nothing by sharing, to visitors, or when it fails", async () => {
    for (const fetched of [
      answer(null),
      jest.fn(async () => Promise.reject(new Error("offline"))),
    ]) {
      global.fetch = fetched as unknown as typeof fetch
      const { container, unmount } = render(<ShareEarning product={product} />)
      await waitFor(() => expect(fetched).toHaveBeenCalledTimes(1))
      expect(container.innerHTML).toBe("")
      unmount()
    }
  })
})
