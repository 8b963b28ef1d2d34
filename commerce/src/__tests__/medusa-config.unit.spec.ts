/** The config decides at boot whether WeChat Pay is on; half a merchant setup must not boot. */
const MERCHANT_SETTINGS = [
  "WECHATPAY_MCHID",
  "WECHATPAY_SERIAL_NO",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_APIV3_KEY",
  "WECHATPAY_PUBLIC_KEY_ID",
  "WECHATPAY_PUBLIC_KEY",
  "UNIONPAY_MER_ID",
  "UNIONPAY_SIGN_CERT",
  "UNIONPAY_SIGN_CERT_PASSWORD",
  "UNIONPAY_ROOT_CERT",
  "UNIONPAY_MIDDLE_CERT",
]

function loadConfigWith(env: Record<string, string>) {
  const saved = { ...process.env }
  for (const name of MERCHANT_SETTINGS) delete process.env[name]
  Object.assign(process.env, env)
  try {
    let config: { plugins: Array<{ resolve: string }> } | undefined
    jest.isolateModules(() => {
      config = require("../../medusa-config")
    })
    return config!
  } finally {
    process.env = saved
  }
}

const pluginNames = (config: { plugins: Array<{ resolve: string }> }) =>
  config.plugins.map((plugin) => plugin.resolve).filter((name) => name.startsWith("@health/"))

describe("medusa-config and WeChat Pay", () => {
  it("runs without WeChat Pay when no merchant setting is given", () => {
    expect(pluginNames(loadConfigWith({}))).toEqual(["@health/medusa-plugin-affiliate"])
  })

  it("treats blank settings (docker compose passes them empty) as not given", () => {
    const config = loadConfigWith({ WECHATPAY_MCHID: " ", WECHATPAY_APIV3_KEY: "" })
    expect(pluginNames(config)).toEqual(["@health/medusa-plugin-affiliate"])
  })

  it("refuses to boot when merchant credentials are set without the merchant id", () => {
    expect(() =>
      loadConfigWith({ WECHATPAY_APIV3_KEY: "k".repeat(32), WECHATPAY_SERIAL_NO: "ABC" })
    ).toThrow(
      "WECHATPAY_MCHID is empty but WECHATPAY_SERIAL_NO, WECHATPAY_APIV3_KEY is set: " +
        "set the merchant id to turn WeChat Pay on, or clear these to run without it"
    )
  })

  it("turns the WeChat Pay plugin on with a merchant id", () => {
    expect(pluginNames(loadConfigWith({ WECHATPAY_MCHID: "1900000109" }))).toEqual([
      "@health/medusa-plugin-affiliate",
      "@health/medusa-plugin-wechatpay",
    ])
  })
})

describe("medusa-config and UnionPay", () => {
  it("refuses to boot when UnionPay certificates are set without the merchant number", () => {
    expect(() =>
      loadConfigWith({ UNIONPAY_MER_ID: " ", UNIONPAY_SIGN_CERT: "/secrets/acp_sign.pfx" })
    ).toThrow(
      "UNIONPAY_MER_ID is empty but UNIONPAY_SIGN_CERT is set: " +
        "set the merchant number to turn UnionPay on, or clear these to run without it"
    )
  })

  it("turns the UnionPay plugin and its provider (pp_unionpay_unionpay) on with a merchant number", () => {
    const config = loadConfigWith({ UNIONPAY_MER_ID: "777290058110048" }) as unknown as {
      plugins: Array<{ resolve: string }>
      modules: Record<string, { options?: { providers?: Array<{ resolve: string; id: string }> } }>
    }
    expect(pluginNames(config)).toContain("@health/medusa-plugin-unionpay")
    expect(config.modules.payment.options!.providers).toContainEqual(
      expect.objectContaining({
        resolve: "@health/medusa-plugin-unionpay/providers/unionpay",
        id: "unionpay",
      })
    )
  })
})

describe("medusa-config secrets", () => {
  type Http = { projectConfig: { http: { jwtSecret: string; cookieSecret: string } } }
  const httpOf = (env: Record<string, string>) =>
    (loadConfigWith(env) as unknown as Http).projectConfig.http

  it("never signs with a published default: without JWT_SECRET each process makes its own", () => {
    const saved = { jwt: process.env.JWT_SECRET, cookie: process.env.COOKIE_SECRET }
    delete process.env.JWT_SECRET
    delete process.env.COOKIE_SECRET
    try {
      const first = httpOf({ NODE_ENV: "development" })
      for (const secret of [first.jwtSecret, first.cookieSecret]) {
        expect(secret).toMatch(/^[0-9a-f]{64}$/)
        expect(secret).not.toContain("dev-")
      }
      expect(first.jwtSecret).not.toBe(first.cookieSecret)
    } finally {
      if (saved.jwt) process.env.JWT_SECRET = saved.jwt
      if (saved.cookie) process.env.COOKIE_SECRET = saved.cookie
    }
  })

  it("refuses to start in production without its own secrets, and uses the ones it is given", () => {
    const saved = process.env.JWT_SECRET
    delete process.env.JWT_SECRET
    try {
      expect(() =>
        loadConfigWith({ NODE_ENV: "production", COOKIE_SECRET: "c".repeat(40) })
      ).toThrow("JWT_SECRET is not set")
    } finally {
      if (saved) process.env.JWT_SECRET = saved
    }
    const given = httpOf({ JWT_SECRET: "j".repeat(40), COOKIE_SECRET: "c".repeat(40) })
    expect([given.jwtSecret, given.cookieSecret]).toEqual(["j".repeat(40), "c".repeat(40)])
  })
})
