/** The config decides at boot whether WeChat Pay is on; half a merchant setup must not boot. */
const MERCHANT_SETTINGS = [
  "WECHATPAY_MCHID",
  "WECHATPAY_SERIAL_NO",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_APIV3_KEY",
  "WECHATPAY_PUBLIC_KEY_ID",
  "WECHATPAY_PUBLIC_KEY",
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
