import { assertProductionReady, productionReadinessProblems } from "../production-readiness"

const strong = (name: string) => `${name.toLowerCase()}-0123456789abcdef0123456789abcdef`

/** A production environment that passes every check. */
function readyEnv(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    JWT_SECRET: strong("JWT_SECRET"),
    COOKIE_SECRET: strong("COOKIE_SECRET"),
    HEALTH_DATA_KEYS: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    ORDER_ACCESS_SECRET: strong("ORDER_ACCESS_SECRET"),
    WEB_FORWARD_SECRET: strong("WEB_FORWARD_SECRET"),
    REVALIDATE_SECRET: strong("REVALIDATE_SECRET"),
    CMS_WEBHOOK_SECRET: strong("CMS_WEBHOOK_SECRET"),
    CMS_API_TOKEN: strong("CMS_API_TOKEN"),
    COMMERCE_PUBLIC_URL: "https://api.shop.example.cn",
    STOREFRONT_PUBLIC_URL: "https://shop.example.cn",
    SMS_PROVIDER: "aliyun",
    SMS_ALIYUN_ACCESS_KEY_ID: "LTAI-key-id",
    SMS_ALIYUN_ACCESS_KEY_SECRET: "aliyun-secret",
    SMS_ALIYUN_SIGN_NAME: "健康服务平台",
    SMS_ALIYUN_TEMPLATE_AUTH_CODE: "SMS_123456789",
  }
}

describe("production readiness", () => {
  it("passes a complete production environment", () => {
    expect(productionReadinessProblems(readyEnv())).toEqual([])
    expect(() => assertProductionReady(readyEnv())).not.toThrow()
  })

  it("checks nothing outside production, so npm start and tests keep their defaults", () => {
    expect(() => assertProductionReady({ NODE_ENV: "development" })).not.toThrow()
    expect(() => assertProductionReady({})).not.toThrow()
  })

  it("lists every missing secret, public origin and the SMS gateway in one error", () => {
    let message = ""
    try {
      assertProductionReady({ NODE_ENV: "production" })
    } catch (error) {
      message = (error as Error).message
    }
    for (const name of [
      "JWT_SECRET",
      "COOKIE_SECRET",
      "HEALTH_DATA_KEYS",
      "ORDER_ACCESS_SECRET",
      "WEB_FORWARD_SECRET",
      "REVALIDATE_SECRET",
      "CMS_WEBHOOK_SECRET",
      "CMS_API_TOKEN",
      "COMMERCE_PUBLIC_URL",
      "STOREFRONT_PUBLIC_URL",
      "SMS_PROVIDER",
    ]) {
      expect(message).toContain(`${name} is not set`)
    }
    expect(message).toContain("11 problems")
  })

  it("refuses published demo values and short secrets", () => {
    const env = {
      ...readyEnv(),
      JWT_SECRET: "supersecret",
      COOKIE_SECRET: "Admin12345",
      CMS_API_TOKEN: "dev-storefront-read-token-0123456789abcdef",
      REVALIDATE_SECRET: "short-secret",
    }
    expect(productionReadinessProblems(env)).toEqual([
      "JWT_SECRET is a published demo value",
      "COOKIE_SECRET is a published demo value",
      "REVALIDATE_SECRET is shorter than 16 characters",
      "CMS_API_TOKEN is a published demo value",
    ])
  })

  it("refuses the log SMS sender unless the test-stack escape hatch is set explicitly", () => {
    const base = readyEnv()
    expect(productionReadinessProblems({ ...base, SMS_PROVIDER: "log" })).toEqual([
      expect.stringContaining("SMS_PROVIDER=log writes sign-in codes into the log"),
    ])
    expect(
      productionReadinessProblems({ ...base, SMS_PROVIDER: "log", ALLOW_LOG_SMS: "1" })
    ).toEqual([])
    // The escape hatch alone does not pick the log sender for an unset provider.
    expect(
      productionReadinessProblems({ ...base, SMS_PROVIDER: undefined, ALLOW_LOG_SMS: "1" })
    ).toEqual([expect.stringContaining("SMS_PROVIDER is not set")])
    expect(productionReadinessProblems({ ...base, SMS_PROVIDER: "tencent" })).toEqual([
      'SMS_PROVIDER "tencent" is not supported (use aliyun)',
    ])
  })

  it("names each missing Aliyun setting", () => {
    const env = { ...readyEnv(), SMS_ALIYUN_SIGN_NAME: "", SMS_ALIYUN_TEMPLATE_AUTH_CODE: " " }
    expect(productionReadinessProblems(env)).toEqual([
      "SMS_ALIYUN_SIGN_NAME is not set",
      "SMS_ALIYUN_TEMPLATE_AUTH_CODE is not set",
    ])
  })

  it("accepts the old origin names and refuses origins that are not origins", () => {
    const env = readyEnv()
    delete env.COMMERCE_PUBLIC_URL
    delete env.STOREFRONT_PUBLIC_URL
    expect(
      productionReadinessProblems({
        ...env,
        MEDUSA_BACKEND_URL: "https://api.shop.example.cn/",
        STOREFRONT_URL: "https://shop.example.cn",
      })
    ).toEqual([])
    expect(productionReadinessProblems(env)).toEqual([
      "COMMERCE_PUBLIC_URL is not set (nor MEDUSA_BACKEND_URL)",
      "STOREFRONT_PUBLIC_URL is not set (nor STOREFRONT_URL)",
    ])
    expect(
      productionReadinessProblems({
        ...env,
        COMMERCE_PUBLIC_URL: "api.shop.example.cn",
        STOREFRONT_PUBLIC_URL: "https://shop.example.cn/zh",
      })
    ).toEqual([
      "COMMERCE_PUBLIC_URL is not a URL: api.shop.example.cn",
      "STOREFRONT_PUBLIC_URL must be an origin without a path: https://shop.example.cn/zh",
    ])
  })
})
