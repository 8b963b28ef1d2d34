import {
  orderAccessSecret,
  signOrderAccessToken,
  verifyOrderAccessToken,
} from "../order-access-token"

const SECRET = "test-secret"
const NOW = Date.parse("2026-12-01T00:00:00Z")

describe("order access token", () => {
  it("opens the order it was signed for until it expires", () => {
    const token = signOrderAccessToken(SECRET, "order_A", NOW, 60)
    expect(verifyOrderAccessToken(SECRET, "order_A", token, NOW)).toBe(true)
    expect(verifyOrderAccessToken(SECRET, "order_A", token, NOW + 59_000)).toBe(true)
    expect(verifyOrderAccessToken(SECRET, "order_A", token, NOW + 60_000)).toBe(false)
  })

  it("opens no other order, under no other secret, and not once altered", () => {
    const token = signOrderAccessToken(SECRET, "order_A", NOW)
    expect(verifyOrderAccessToken(SECRET, "order_B", token, NOW)).toBe(false)
    expect(verifyOrderAccessToken("other", "order_A", token, NOW)).toBe(false)
    const [expiry, mac] = token.split(".")
    expect(verifyOrderAccessToken(SECRET, "order_A", `${Number(expiry) + 1}.${mac}`, NOW)).toBe(
      false
    )
    expect(verifyOrderAccessToken(SECRET, "order_A", `${expiry}.${mac.slice(1)}A`, NOW)).toBe(false)
  })

  it.each([undefined, null, "", "abc", 42, ["x"], "1.2", `${"9".repeat(300)}`])(
    "refuses %p",
    (token) => {
      expect(verifyOrderAccessToken(SECRET, "order_A", token, NOW)).toBe(false)
    }
  )

  it("takes ORDER_ACCESS_SECRET first, then the cookie and JWT secrets", () => {
    const config = { projectConfig: { http: { cookieSecret: "cookie", jwtSecret: "jwt" } } }
    expect(orderAccessSecret(config, { ORDER_ACCESS_SECRET: "own" })).toBe("own")
    expect(orderAccessSecret(config, {})).toBe("cookie")
    expect(orderAccessSecret({ projectConfig: { http: { jwtSecret: "jwt" } } }, {})).toBe("jwt")
    expect(() => orderAccessSecret({}, {})).toThrow()
  })
})
