import { stand, type FakeAnswer } from "./taro-stand-in"

type Route = (request: {
  url: URL
  body: unknown
  headers: Record<string, string>
}) => FakeAnswer | { status?: number; body: unknown }

/**
 * Answers Taro.request like commerce and the CMS would, by "METHOD /path" (query ignored);
 * an unexpected call answers 404 so a test sees what the page asked for.
 */
export function fakeBackend(routes: Record<string, Route | unknown>) {
  stand.handler = (request) => {
    const url = new URL(request.url)
    const key = `${(request.method ?? "GET").toUpperCase()} ${url.pathname}`
    const route = routes[key]
    if (route === undefined) return { statusCode: 404, data: { message: `no route ${key}` } }
    const body = typeof request.data === "string" && request.data ? JSON.parse(request.data) : null
    const answer =
      typeof route === "function"
        ? (route as Route)({ url, body, headers: request.header ?? {} })
        : { body: route }
    if ("statusCode" in answer) return answer
    return { statusCode: answer.status ?? 200, data: answer.body }
  }
}

/** A refusal with commerce's message. */
export const refuse = (status: number, message: string) => () => ({ status, body: { message } })

/** The requests the page made, as "METHOD /path". */
export const calls = () =>
  stand.requests.map((r) => `${(r.method ?? "GET").toUpperCase()} ${new URL(r.url).pathname}`)

export const product = {
  id: "prod_1",
  title: "运动基因检测",
  subtitle: "了解你的运动天赋",
  handle: "sports-gene-test",
  thumbnail: null,
  options: [],
  variants: [
    {
      id: "variant_1",
      title: "标准版",
      options: [],
      calculated_price: { calculated_amount: 699, currency_code: "cny" },
    },
  ],
}
export const region = { id: "reg_cn", name: "中国", currency_code: "cny" }
