import { officialAccountConfigFromEnv } from "../config"

const STANDIN = {
  WECHAT_OA_APPID: "wx7777777777777777",
  WECHAT_OA_SECRET: "wx-dev-oa-secret",
  WECHAT_OA_TOKEN: "wx-dev-oa-token",
  WECHAT_OA_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
}

describe("official account settings", () => {
  it("are off without an appid and a token", () => {
    expect(officialAccountConfigFromEnv({})).toBeNull()
    expect(officialAccountConfigFromEnv({ WECHAT_OA_APPID: "wx1" })).toBeNull()
  })

  it("take the stand-in's published token and key outside production only", () => {
    expect(officialAccountConfigFromEnv({ ...STANDIN, NODE_ENV: "development" })).toMatchObject({
      appid: "wx7777777777777777",
      token: "wx-dev-oa-token",
      aesKey: STANDIN.WECHAT_OA_AES_KEY,
    })
    expect(officialAccountConfigFromEnv({ ...STANDIN, NODE_ENV: "production" })).toBeNull()
    expect(
      officialAccountConfigFromEnv({
        ...STANDIN,
        NODE_ENV: "production",
        WECHAT_OA_TOKEN: "a-real-token-of-the-account",
        WECHAT_OA_AES_KEY: "",
      })
    ).toMatchObject({ token: "a-real-token-of-the-account", aesKey: "" })
  })
})
