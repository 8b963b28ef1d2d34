/** @jest-environment node */
import { NextRequest } from "next/server"

const { GET } = require("@/app/r/[code]/route") as typeof import("@/app/r/[code]/route")

beforeAll(() => {
  process.env.STOREFRONT_URL = "https://shop.example.cn"
})
afterAll(() => {
  delete process.env.STOREFRONT_URL
})

describe("GET /r/:code", () => {
  it("keeps the share code and lands on the shop's home page, whatever the Host header says", async () => {
    const request = new NextRequest("http://evil.example/r/AB23CD", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    })
    const response = await GET(request, { params: Promise.resolve({ code: "AB23CD" }) })
    expect(response.headers.get("location")).toBe("https://shop.example.cn/")
    expect(response.headers.get("set-cookie")).toMatch(/AB23CD/)
  })
})
