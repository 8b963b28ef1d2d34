// A local stand-in for the WeChat mini-program login API (api.weixin.qq.com), speaking its
// protocol: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code.
// A code "wx-code-<anything>" maps to a stable openid for that anything, so a test or a
// developer can sign in as the same WeChat user again; each code works once, as in WeChat.
// Run: node scripts/wechat-api-standin.mjs [port]   (default 9401; prints "listening <url>")
import { createHash } from "node:crypto"
import http from "node:http"

export function startWechatApiStandin({
  port = 9401,
  appid = "wx-dev-appid",
  secret = "wx-dev-secret",
} = {}) {
  const usedCodes = new Set()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost")
    const reply = (body) => {
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify(body))
    }
    if (url.pathname !== "/sns/jscode2session") {
      res.statusCode = 404
      return reply({ errcode: 404, errmsg: "not found" })
    }
    const q = Object.fromEntries(url.searchParams)
    if (q.appid !== appid || q.secret !== secret)
      return reply({ errcode: 40125, errmsg: "invalid appsecret" })
    if (q.grant_type !== "authorization_code")
      return reply({ errcode: 40097, errmsg: "invalid args" })
    if (!q.js_code?.startsWith("wx-code-")) return reply({ errcode: 40029, errmsg: "invalid code" })
    if (usedCodes.has(q.js_code)) return reply({ errcode: 40163, errmsg: "code been used" })
    usedCodes.add(q.js_code)
    const who = q.js_code.slice("wx-code-".length).split(".")[0]
    const digest = (salt) =>
      createHash("sha256").update(`${salt}:${who}`).digest("base64url").slice(0, 28)
    reply({
      openid: `o${digest("openid")}`,
      unionid: `u${digest("unionid")}`,
      session_key: digest("session"),
    })
  })
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startWechatApiStandin({ port: Number(process.argv[2] || 9401) })
  console.log(`listening http://127.0.0.1:${server.address().port}`)
}
