// A local stand-in for the WeChat mini-program login API (api.weixin.qq.com), speaking its
// protocol: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code.
// A code "wx-code-<anything>" maps to a stable openid for that anything, so a test or a
// developer can sign in as the same WeChat user again; each code works once, as in WeChat.
// It also answers GET /cgi-bin/token (client_credential) and POST /cgi-bin/message/subscribe/send
// (subscribe messages, errcode 43101 for an openid starting "o-unsubscribed"), and lists the
// messages it accepted at GET /__standin/subscribe-messages for tests and developers.
// Run: node scripts/wechat-api-standin.mjs [port]   (default 9401; prints "listening <url>")
import { createHash, randomUUID } from "node:crypto"
import http from "node:http"

export function startWechatApiStandin({
  port = 9401,
  appid = "wx-dev-appid",
  secret = "wx-dev-secret",
} = {}) {
  const usedCodes = new Set()
  const tokens = new Set()
  const subscribeMessages = []
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost")
    const reply = (body) => {
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify(body))
    }
    if (url.pathname === "/cgi-bin/token") {
      const q = Object.fromEntries(url.searchParams)
      if (q.grant_type !== "client_credential")
        return reply({ errcode: 40002, errmsg: "invalid grant_type" })
      if (q.appid !== appid || q.secret !== secret)
        return reply({ errcode: 40125, errmsg: "invalid appsecret" })
      const token = `standin-token-${randomUUID()}`
      tokens.add(token)
      return reply({ access_token: token, expires_in: 7200 })
    }
    if (url.pathname === "/cgi-bin/message/subscribe/send" && req.method === "POST") {
      if (!tokens.has(url.searchParams.get("access_token")))
        return reply({ errcode: 40001, errmsg: "invalid credential, access_token is invalid" })
      let body = null
      try {
        let raw = ""
        for await (const chunk of req) raw += chunk
        body = JSON.parse(raw)
      } catch {
        return reply({ errcode: 47001, errmsg: "data format error" })
      }
      if (!body?.touser || !body.template_id || typeof body.data !== "object")
        return reply({ errcode: 47003, errmsg: "argument invalid! touser, template_id, data" })
      const tooLong = Object.entries(body.data).find(
        ([key, item]) => key.startsWith("thing") && [...String(item?.value ?? "")].length > 20
      )
      if (tooLong) return reply({ errcode: 47003, errmsg: `argument invalid! data.${tooLong[0]}` })
      if (body.touser.startsWith("o-unsubscribed"))
        return reply({ errcode: 43101, errmsg: "user refuse to accept the msg" })
      subscribeMessages.push({ ...body, received_at: new Date().toISOString() })
      return reply({ errcode: 0, errmsg: "ok", msgid: subscribeMessages.length })
    }
    if (url.pathname === "/__standin/subscribe-messages") {
      return reply({ messages: subscribeMessages })
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
