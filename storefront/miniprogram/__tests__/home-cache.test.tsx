import { render, screen, waitFor } from "@testing-library/react"
import Taro from "@tarojs/taro"
import Home, { HOME_PRODUCTS_KEY } from "../src/pages/index/index"
import { fakeBackend, product, refuse, region } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

const priced = (amount: number) => ({
  ...product,
  variants: [{ ...product.variants[0], calculated_price: { calculated_amount: amount } }],
})

/** A commerce whose product list answers only when the test says so. */
function slowProducts(products: unknown[]) {
  let answer: () => void = () => undefined
  const answered = new Promise<void>((resolve) => (answer = resolve))
  fakeBackend({ "GET /store/regions": { regions: [region] } })
  const regions = stand.handler
  stand.handler = async (request) => {
    if (!new URL(request.url).pathname.startsWith("/store/products")) return regions(request)
    await answered
    return { statusCode: 200, data: { products, count: products.length } }
  }
  return answer
}

describe("home renders from cache on a repeat visit", () => {
  it("first visit: loading, then the products, kept in storage for next time", async () => {
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [priced(699)], count: 1 },
    })
    render(<Home />)
    expect(screen.getByTestId("state-loading")).toBeTruthy()
    await screen.findByText("¥699.00")
    const kept = Taro.getStorageSync(HOME_PRODUCTS_KEY) as { data: { id: string }[] }
    expect(kept.data.map((p) => p.id)).toEqual(["prod_1"])
  })

  it("repeat visit: the kept products show at once, then today's prices replace them", async () => {
    Taro.setStorageSync(HOME_PRODUCTS_KEY, {
      version: 1,
      saved_at: Date.now() - 60_000,
      data: [priced(699)],
    })
    const answer = slowProducts([priced(599)])
    render(<Home />)
    // Before commerce answers: no spinner, the kept card and a hint that it is refreshing.
    expect(screen.queryByTestId("state-loading")).toBeNull()
    expect(screen.getByText("¥699.00").textContent).toBe("¥699.00")
    expect(screen.getByTestId("home-refreshing").textContent).toBe("正在更新…")
    answer()
    await screen.findByText("¥599.00")
    expect(screen.queryByText("¥699.00")).toBeNull()
    expect(screen.queryByTestId("home-refreshing")).toBeNull()
    const kept = Taro.getStorageSync(HOME_PRODUCTS_KEY) as {
      data: { variants: { calculated_price: { calculated_amount: number } }[] }[]
    }
    expect(kept.data[0].variants[0].calculated_price.calculated_amount).toBe(599)
  })

  it("a failed refresh keeps the kept products instead of an error", async () => {
    Taro.setStorageSync(HOME_PRODUCTS_KEY, { version: 1, saved_at: 0, data: [priced(699)] })
    fakeBackend({ "GET /store/regions": refuse(503, "服务暂不可用") })
    render(<Home />)
    await waitFor(() => expect(stand.requests.length).toBeGreaterThan(0))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.getByText("¥699.00").textContent).toBe("¥699.00")
    expect(screen.queryByTestId("state-error")).toBeNull()
  })

  it("ignores kept data of another shape and loads as on a first visit", async () => {
    Taro.setStorageSync(HOME_PRODUCTS_KEY, { version: 0, data: "old" })
    fakeBackend({
      "GET /store/regions": { regions: [region] },
      "GET /store/products": { products: [priced(699)], count: 1 },
    })
    render(<Home />)
    expect(screen.getByTestId("state-loading")).toBeTruthy()
    await screen.findByText("¥699.00")
  })
})
