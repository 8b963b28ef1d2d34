// A local stand-in for the WeChat mini-program login API (api.weixin.qq.com), speaking its
// protocol: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code.
// A code "wx-code-<anything>" maps to a stable openid for that anything, so a test or a
// developer can sign in as the same WeChat user again; each code works once, as in WeChat.
// It also issues access tokens: POST /cgi-bin/stable_token (the same token to every caller
// until it expires; force_refresh replaces it) and the older GET /cgi-bin/token; answers
// POST /cgi-bin/message/subscribe/send (subscribe messages, errcode 43101 for an openid
// starting "o-unsubscribed", 40001 for an unknown or refused token, 42001 for an expired one),
// and lists what it accepted at GET /__standin/subscribe-messages for tests and developers.
// POST /wxa/getwxacodeunlimit (小程序码) checks the token the same way, then scene (1 to 32
// of WeChat's allowed characters: 40169 for the length, 40129 for a character), page (no
// leading "/", no query: 41030; with check_path true, WeChat's default, always 41030, as for
// a mini-program never published) and env_version (40097), and answers a PNG: a plain QR code
// of https://standin.weixin/wxa?scene=<scene>&page=<page>&env_version=<env> that a test can
// decode. GET /__standin/wxacode-calls lists every call with the errcode it answered (0: drawn);
// POST /__standin/wxacode/fail with {"errcode", "errmsg"} makes the next valid call fail so.
// POST /wxa/business/getuserphonenumber (手机号快速验证) checks the token, then the code:
// "wx-phone-<digits>.<n>" shares that mainland number, "wx-phone-intl-<digits>.<n>" a Hong
// Kong one; each code once, anything else 40029. GET /__standin/phone-number-calls lists them.
// The official account's web OAuth: GET /connect/oauth2/authorize (redirects back with a code
// for the browser's user) and GET /sns/oauth2/access_token (code → openid, once).
// The service account (公众号, officialAccount): POST /cgi-bin/stable_token with its appid and
// secret gives its own token (not listed in stable-token-calls); GET /cgi-bin/user/info
// (subscribe 1 and the unionid registered by POST /__standin/official-account/users
// {openid, unionid}, none otherwise); POST /cgi-bin/menu/create (WeChat's checks: 1 to 3
// buttons 40016, at most 5 sub-buttons 40023, name bytes 40018, types 40017, click keys 40019,
// view URLs 40055 and 40054 in sub-buttons); POST /cgi-bin/message/template/send (43004 for an
// openid starting "o-unfollowed"). These need the account's own token (48001 with another).
// POST /cgi-bin/material/add_material?type=thumb|image|voice|video (permanent material, the
// picture as multipart field `media`: 40004 for another type, 41005 without a `media` file,
// 40005 for a thumb that is not a JPEG or an image that is not JPEG/PNG/GIF/BMP, 40006 for a
// thumb over 64 KB or an image over 10 MB; answers {media_id, url}),
// POST /cgi-bin/media/uploadnews (1 to 8 articles, each with title and content: 44003 for
// none, 44004 for an empty one; 40007 unless thumb_media_id names a thumb or image material;
// answers a news media_id) and POST /cgi-bin/message/mass/sendall
// (群发 mpnews to is_to_all or a tag_id: 40007 for an unknown media_id, 45065 for a repeated
// clientmsgid, 45028 past the account's monthly quota, 4 by default; answers msg_id and
// msg_data_id).
// GET /__standin/official-account/{user-info-calls,menus,template-messages,mass-sends,materials}
// list them (materials without their bytes, with their sha256);
// POST /__standin/official-account/mass-quota {limit} sets the monthly quota.
// POST /__standin/official-account/deliver {server_url, mode: "plain"|"aes", message: {...}}
// plays WeChat pushing a message to our server URL: the fields as WeChat's XML, signed with
// the account's token (and in "aes" mode sealed with its EncodingAESKey, WXBizMsgCrypt), then
// answers what the server replied: {status, body, reply} with a safe-mode reply's signature
// checked and its XML opened.
// Test knobs: GET /__standin/stable-token-calls; POST /__standin/stable-token/rotate (a new
// stable token, the old one invalid: as if another process forced a refresh), /expire (the
// current one answers 42001 from now on) and /refuse (answers 40001 though stable_token still
// hands it out, until a force_refresh).
// Run: node scripts/wechat-api-standin.mjs [port]   (default 9401; prints "listening <url>");
// WECHAT_OA_TOKEN and WECHAT_OA_AES_KEY, when set, replace the service account's token and key.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from "node:crypto"
import http from "node:http"
import QRCode from "qrcode"

// WeChat's rules for getwxacodeunlimit's scene: at most 32 visible characters of this set.
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
const ENV_VERSIONS = new Set(["release", "trial", "develop"])

export function startWechatApiStandin({
  port = 9401,
  appid = "wx-dev-appid",
  secret = "wx-dev-secret",
  // The official account (公众号) whose web OAuth gives the payer's openid in WeChat's browser.
  officialAccount = {
    appid: "wx7777777777777777",
    secret: "wx-dev-oa-secret",
    token: "wx-dev-oa-token",
    aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  },
} = {}) {
  const oa = new OfficialAccountStandin(officialAccount)
  const usedCodes = new Set()
  const oauthCodes = new Map()
  const tokens = new Set()
  const expired = new Set()
  const refused = new Set()
  const subscribeMessages = []
  const usedPhoneCodes = new Set()
  const phoneNumberCalls = []
  const stableTokenCalls = []
  const wxacodeCalls = []
  const wxacodeFailures = []
  let stable = null
  const issue = (forApp = appid) => {
    const token = `standin-token-${randomUUID()}`
    tokens.add(token)
    tokenApp.set(token, forApp)
    return token
  }
  const tokenApp = new Map()
  const replaceStable = () => {
    if (stable) tokens.delete(stable.token)
    stable = { token: issue(), expiresAt: Date.now() + 7200_000 }
  }
  /** WeChat's answer to a call with `token`, or null when the token is good. */
  const tokenProblem = (token) => {
    if (expired.has(token)) return { errcode: 42001, errmsg: "access_token expired" }
    if (!tokens.has(token) || refused.has(token))
      return { errcode: 40001, errmsg: "invalid credential, access_token is invalid" }
    return null
  }
  /** WeChat's refusal of a getwxacodeunlimit body, or null when it draws the code. */
  const wxacodeRefusal = (body) => {
    const scene = typeof body?.scene === "string" ? body.scene : ""
    if (scene.length < 1 || scene.length > 32)
      return {
        errcode: 40169,
        errmsg: "invalid length for scene, or the data is not json string",
      }
    if (!SCENE_CHARACTERS.test(scene)) return { errcode: 40129, errmsg: "invalid scene" }
    const page = body.page ?? ""
    if (typeof page !== "string" || page.startsWith("/") || /[?#\s]/.test(page))
      return { errcode: 41030, errmsg: "invalid page" }
    // The stand-in's mini-program was never published: only check_path false draws a page.
    if (page && body.check_path !== false) return { errcode: 41030, errmsg: "invalid page" }
    if (!ENV_VERSIONS.has(body.env_version ?? "release"))
      return { errcode: 40097, errmsg: "invalid args" }
    return wxacodeFailures.shift() ?? null
  }
  const readJson = async (req) => {
    let raw = ""
    for await (const chunk of req) raw += chunk
    return JSON.parse(raw)
  }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost")
    const reply = (body) => {
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify(body))
    }
    if (url.pathname === "/cgi-bin/stable_token") {
      if (req.method !== "POST") return reply({ errcode: 43002, errmsg: "require POST method" })
      let q
      try {
        q = await readJson(req)
      } catch {
        return reply({ errcode: 47001, errmsg: "data format error" })
      }
      if (q.appid === officialAccount.appid && q.secret === officialAccount.secret) {
        if (q.grant_type !== "client_credential")
          return reply({ errcode: 40002, errmsg: "invalid grant_type" })
        return reply(oa.stableToken(q.force_refresh === true, () => issue(officialAccount.appid)))
      }
      stableTokenCalls.push({
        force_refresh: q.force_refresh === true,
        at: new Date().toISOString(),
      })
      if (q.grant_type !== "client_credential")
        return reply({ errcode: 40002, errmsg: "invalid grant_type" })
      if (q.appid !== appid || q.secret !== secret)
        return reply({ errcode: 40125, errmsg: "invalid appsecret" })
      if (!stable || q.force_refresh === true || stable.expiresAt <= Date.now()) replaceStable()
      return reply({
        access_token: stable.token,
        expires_in: Math.round((stable.expiresAt - Date.now()) / 1000),
      })
    }
    if (url.pathname.startsWith("/cgi-bin/") && oa.handles(url.pathname)) {
      const token = url.searchParams.get("access_token")
      const problem =
        tokenProblem(token) ??
        (tokenApp.get(token) !== officialAccount.appid
          ? { errcode: 48001, errmsg: "api unauthorized" }
          : null)
      if (problem) return reply(problem)
      if (url.pathname === "/cgi-bin/material/add_material") {
        if (req.method !== "POST") return reply({ errcode: 43002, errmsg: "require POST method" })
        const chunks = []
        for await (const chunk of req) chunks.push(chunk)
        return reply(await oa.addMaterial(url, req.headers["content-type"], Buffer.concat(chunks)))
      }
      let body = null
      if (req.method === "POST") {
        try {
          body = await readJson(req)
        } catch {
          return reply({ errcode: 47001, errmsg: "data format error" })
        }
      }
      return reply(oa.api(url, body))
    }
    if (url.pathname.startsWith("/__standin/official-account/")) {
      let body = null
      if (req.method === "POST") {
        try {
          body = await readJson(req)
        } catch {
          res.statusCode = 400
          return reply({ errcode: 400, errmsg: "JSON body required" })
        }
      }
      const answer = await oa.knob(url.pathname.slice("/__standin/official-account/".length), body)
      if (!answer) {
        res.statusCode = 404
        return reply({ errcode: 404, errmsg: "unknown official-account knob" })
      }
      return reply(answer)
    }
    if (url.pathname === "/__standin/stable-token-calls") {
      return reply({ calls: stableTokenCalls })
    }
    if (url.pathname.startsWith("/__standin/stable-token/") && req.method === "POST") {
      const action = url.pathname.slice("/__standin/stable-token/".length)
      if (!stable) replaceStable()
      if (action === "rotate") replaceStable()
      else if (action === "expire") {
        expired.add(stable.token)
        stable.expiresAt = Date.now()
      } else if (action === "refuse") refused.add(stable.token)
      else {
        res.statusCode = 404
        return reply({ errcode: 404, errmsg: "unknown action" })
      }
      return reply({ ok: true })
    }
    if (url.pathname === "/cgi-bin/token") {
      const q = Object.fromEntries(url.searchParams)
      if (q.grant_type !== "client_credential")
        return reply({ errcode: 40002, errmsg: "invalid grant_type" })
      if (q.appid !== appid || q.secret !== secret)
        return reply({ errcode: 40125, errmsg: "invalid appsecret" })
      return reply({ access_token: issue(), expires_in: 7200 })
    }
    if (url.pathname === "/cgi-bin/message/subscribe/send" && req.method === "POST") {
      const problem = tokenProblem(url.searchParams.get("access_token"))
      if (problem) return reply(problem)
      let body = null
      try {
        body = await readJson(req)
      } catch {
        return reply({ errcode: 47001, errmsg: "data format error" })
      }
      if (!body?.touser || !body.template_id || typeof body.data !== "object")
        return reply({ errcode: 47003, errmsg: "argument invalid! touser, template_id, data" })
      // WeChat's keyword limits: thing 20 characters, phrase 5.
      const limits = { thing: 20, phrase: 5 }
      const tooLong = Object.entries(body.data).find(([key, item]) => {
        const kind = Object.keys(limits).find((k) => key.startsWith(k))
        return kind && [...String(item?.value ?? "")].length > limits[kind]
      })
      if (tooLong) return reply({ errcode: 47003, errmsg: `argument invalid! data.${tooLong[0]}` })
      if (body.touser.startsWith("o-unsubscribed"))
        return reply({ errcode: 43101, errmsg: "user refuse to accept the msg" })
      subscribeMessages.push({ ...body, received_at: new Date().toISOString() })
      return reply({ errcode: 0, errmsg: "ok", msgid: subscribeMessages.length })
    }
    if (url.pathname === "/__standin/subscribe-messages") {
      return reply({ messages: subscribeMessages })
    }
    if (url.pathname === "/wxa/business/getuserphonenumber") {
      if (req.method !== "POST") return reply({ errcode: 43002, errmsg: "require POST method" })
      const problem = tokenProblem(url.searchParams.get("access_token"))
      if (problem) return reply(problem)
      let code = ""
      try {
        code = String((await readJson(req))?.code ?? "")
      } catch {
        return reply({ errcode: 47001, errmsg: "data format error" })
      }
      // "wx-phone-<11 digits>.<n>" is that mainland number; "wx-phone-intl-<digits>.<n>" a
      // Hong Kong one. Each code works once, as WeChat's do.
      const match = /^wx-phone-(intl-)?(\d{6,15})(?:\.[\w-]+)?$/.exec(code)
      const ok = !!match && !usedPhoneCodes.has(code)
      phoneNumberCalls.push({ code, ok })
      if (!ok) return reply({ errcode: 40029, errmsg: "invalid code" })
      usedPhoneCodes.add(code)
      const countryCode = match[1] ? "852" : "86"
      return reply({
        errcode: 0,
        errmsg: "ok",
        phone_info: {
          phoneNumber: countryCode === "86" ? match[2] : `+${countryCode}${match[2]}`,
          purePhoneNumber: match[2],
          countryCode,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid },
        },
      })
    }
    if (url.pathname === "/__standin/phone-number-calls") return reply(phoneNumberCalls)
    if (url.pathname === "/wxa/getwxacodeunlimit") {
      if (req.method !== "POST") return reply({ errcode: 43002, errmsg: "require POST method" })
      let body = null
      try {
        body = await readJson(req)
      } catch {
        body = null
      }
      const scene = body?.scene
      const page = body?.page ?? ""
      const envVersion = body?.env_version ?? "release"
      // WeChat draws 280 to 1280 px whatever is asked.
      const width = Math.min(Math.max(Number(body?.width) || 430, 280), 1280)
      const refusal = tokenProblem(url.searchParams.get("access_token")) ?? wxacodeRefusal(body)
      wxacodeCalls.push({
        scene: scene ?? null,
        page,
        check_path: body?.check_path ?? true,
        env_version: envVersion,
        width,
        errcode: refusal?.errcode ?? 0,
        at: new Date().toISOString(),
      })
      if (refusal) return reply(refusal)
      const target = new URL("https://standin.weixin/wxa")
      target.search = new URLSearchParams({ scene, page, env_version: envVersion }).toString()
      const png = await QRCode.toBuffer(target.toString(), { type: "png", width, margin: 2 })
      res.setHeader("content-type", "image/png")
      res.setHeader("content-length", String(png.length))
      return res.end(png)
    }
    if (url.pathname === "/__standin/wxacode-calls") {
      return reply({ calls: wxacodeCalls })
    }
    if (url.pathname === "/__standin/wxacode/fail" && req.method === "POST") {
      let body = null
      try {
        body = await readJson(req)
      } catch {
        body = null
      }
      if (!Number.isInteger(body?.errcode) || body.errcode === 0) {
        res.statusCode = 400
        return reply({ errcode: 400, errmsg: "errcode (not 0) required" })
      }
      wxacodeFailures.push({
        errcode: body.errcode,
        errmsg: String(body.errmsg ?? "standin failure"),
      })
      return reply({ ok: true })
    }
    // The official account's web OAuth (snsapi_base): WeChat's authorize page answers at once
    // with a code for the browser's WeChat user (a cookie here stands for the signed-in user).
    if (url.pathname === "/connect/oauth2/authorize") {
      const q = Object.fromEntries(url.searchParams)
      if (q.appid !== officialAccount.appid || q.response_type !== "code" || !q.redirect_uri) {
        res.statusCode = 400
        res.setHeader("content-type", "text/plain; charset=utf-8")
        return res.end("参数错误：appid / redirect_uri / response_type")
      }
      const user = /standin_wx_user=([\w-]+)/.exec(req.headers.cookie ?? "")?.[1] ?? randomUUID()
      const code = `oa-code-${randomUUID()}`
      oauthCodes.set(code, { user, expiresAt: Date.now() + 5 * 60_000 })
      const back = new URL(q.redirect_uri)
      back.searchParams.set("code", code)
      back.searchParams.set("state", q.state ?? "")
      res.statusCode = 302
      res.setHeader("set-cookie", `standin_wx_user=${user}; Path=/; HttpOnly`)
      res.setHeader("location", back.toString())
      return res.end()
    }
    if (url.pathname === "/sns/oauth2/access_token") {
      const q = Object.fromEntries(url.searchParams)
      if (q.appid !== officialAccount.appid || q.secret !== officialAccount.secret)
        return reply({ errcode: 40125, errmsg: "invalid appsecret" })
      if (q.grant_type !== "authorization_code")
        return reply({ errcode: 40097, errmsg: "invalid args" })
      const issued = oauthCodes.get(q.code)
      if (!issued) return reply({ errcode: 40029, errmsg: "invalid code" })
      oauthCodes.delete(q.code)
      if (issued.expiresAt < Date.now()) return reply({ errcode: 42003, errmsg: "code expired" })
      const openid = `o${createHash("sha256").update(`oa:${issued.user}`).digest("base64url").slice(0, 27)}`
      return reply({
        access_token: `standin-oauth-${randomUUID()}`,
        expires_in: 7200,
        refresh_token: `standin-refresh-${randomUUID()}`,
        openid,
        scope: "snsapi_base",
        is_snapshotuser: 0,
      })
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

// WeChat's signature of a server-URL push: sha1 of the parts sorted and joined.
const sha1Signature = (...parts) => createHash("sha1").update(parts.sort().join("")).digest("hex")

const cdata = (text) => `<![CDATA[${String(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`
const toXml = (fields) =>
  `<xml>${Object.entries(fields)
    .map(([k, v]) => (typeof v === "number" ? `<${k}>${v}</${k}>` : `<${k}>${cdata(v)}</${k}>`))
    .join("")}</xml>`
/** A flat field of WeChat's XML (CDATA or text), enough to read replies. */
const xmlField = (xml, name) =>
  new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`)
    .exec(xml)
    ?.slice(1)
    .find((v) => v !== undefined)

/** WXBizMsgCrypt as WeChat's servers do it: AES-256-CBC, IV the key's first 16 bytes, 32-byte PKCS#7. */
function sealMessage(xml, aesKey, appid) {
  const key = Buffer.from(`${aesKey}=`, "base64")
  const body = Buffer.from(xml)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  let plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(appid)])
  const pad = 32 - (plain.length % 32)
  plain = Buffer.concat([plain, Buffer.alloc(pad, pad)])
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64")
}

function openMessage(encrypted, aesKey) {
  const key = Buffer.from(`${aesKey}=`, "base64")
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false)
  let plain = Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()])
  plain = plain.subarray(0, plain.length - plain[plain.length - 1])
  const length = plain.readUInt32BE(16)
  return {
    xml: plain.subarray(20, 20 + length).toString(),
    appid: plain.subarray(20 + length).toString(),
  }
}

const MENU_TYPES = new Set([
  "click",
  "view",
  "miniprogram",
  "scancode_push",
  "scancode_waitmsg",
  "pic_sysphoto",
  "pic_photo_or_album",
  "pic_weixin",
  "location_select",
  "media_id",
  "article_id",
  "article_view_limited",
])

/** What WeChat refuses in a menu/create body, or null. */
function menuRefusal(body) {
  const buttons = body?.button
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
    return { errcode: 40016, errmsg: "invalid button size" }
  const leaf = (b, sub) => {
    if (!MENU_TYPES.has(b.type)) return { errcode: 40017, errmsg: "invalid button type" }
    if (b.type === "click" && (!b.key || Buffer.byteLength(b.key) > 128))
      return { errcode: 40019, errmsg: "invalid button key size" }
    if ((b.type === "view" || b.type === "miniprogram") && !/^https?:\/\//.test(b.url ?? ""))
      return sub
        ? { errcode: 40054, errmsg: "invalid sub button url domain" }
        : { errcode: 40055, errmsg: "invalid button url domain" }
    if (b.type === "miniprogram" && (!b.appid || !b.pagepath))
      return { errcode: 40097, errmsg: "invalid args" }
    return null
  }
  for (const b of buttons) {
    if (!b?.name || Buffer.byteLength(b.name) > 16)
      return { errcode: 40018, errmsg: "invalid button name size" }
    if (Array.isArray(b.sub_button) && b.sub_button.length > 0) {
      if (b.sub_button.length > 5) return { errcode: 40023, errmsg: "invalid sub button size" }
      for (const sub of b.sub_button) {
        if (!sub?.name || Buffer.byteLength(sub.name) > 60)
          return { errcode: 40018, errmsg: "invalid button name size" }
        const problem = leaf(sub, true)
        if (problem) return problem
      }
    } else {
      const problem = leaf(b, false)
      if (problem) return problem
    }
  }
  return null
}

/** What add_material takes per type: size, and for pictures the file kinds (by their bytes). */
const MATERIAL_LIMITS = {
  thumb: { bytes: 64 * 1024, kinds: ["jpeg"] },
  image: { bytes: 10 * 1024 * 1024, kinds: ["jpeg", "png", "gif", "bmp"] },
  voice: { bytes: 2 * 1024 * 1024 },
  video: { bytes: 10 * 1024 * 1024 },
}

/** A picture's kind by its first bytes, as WeChat checks it (not by the name or the header). */
function pictureKind(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg"
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png"
  if (bytes.subarray(0, 3).toString("latin1") === "GIF") return "gif"
  if (bytes.subarray(0, 2).toString("latin1") === "BM") return "bmp"
  return null
}

/** The service account's side of the stand-in: its token, API and pushes to our server URL. */
class OfficialAccountStandin {
  constructor(account) {
    this.account = account
    this.stable = null
    this.users = new Map()
    this.userInfoCalls = []
    this.menus = []
    this.templateMessages = []
    this.news = new Map()
    this.materials = new Map()
    this.massSends = []
    this.massQuota = 4
  }

  stableToken(force, issue) {
    if (!this.stable || force || this.stable.expiresAt <= Date.now()) {
      this.stable = { token: issue(), expiresAt: Date.now() + 7200_000 }
    }
    return {
      access_token: this.stable.token,
      expires_in: Math.round((this.stable.expiresAt - Date.now()) / 1000),
    }
  }

  handles(pathname) {
    return [
      "/cgi-bin/user/info",
      "/cgi-bin/menu/create",
      "/cgi-bin/message/template/send",
      "/cgi-bin/media/uploadnews",
      "/cgi-bin/message/mass/sendall",
      "/cgi-bin/material/add_material",
    ].includes(pathname)
  }

  /** material/add_material as WeChat takes it: multipart, the file in field `media`. */
  async addMaterial(url, contentType, raw) {
    const type = url.searchParams.get("type")
    if (!MATERIAL_LIMITS[type]) return { errcode: 40004, errmsg: "invalid media type" }
    let media = null
    try {
      if (!String(contentType ?? "").startsWith("multipart/form-data"))
        throw new Error("not multipart")
      const form = await new Request("http://standin/", {
        method: "POST",
        headers: { "content-type": contentType },
        body: raw,
      }).formData()
      media = form.get("media")
    } catch {
      media = null
    }
    if (!media || typeof media === "string") return { errcode: 41005, errmsg: "media data missing" }
    const bytes = Buffer.from(await media.arrayBuffer())
    const limit = MATERIAL_LIMITS[type]
    if (limit.kinds && !limit.kinds.includes(pictureKind(bytes)))
      return { errcode: 40005, errmsg: "invalid file type" }
    if (bytes.length === 0 || bytes.length > limit.bytes)
      return { errcode: 40006, errmsg: "invalid meida size" }
    const media_id = `standin-material-${randomUUID()}`
    const answer = { media_id, url: `http://mmbiz.qpic.cn/standin/${media_id}/0` }
    this.materials.set(media_id, {
      ...answer,
      type,
      filename: media.name ?? null,
      bytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      at: new Date().toISOString(),
    })
    return answer
  }

  api(url, body) {
    if (url.pathname === "/cgi-bin/user/info") {
      const openid = url.searchParams.get("openid") ?? ""
      this.userInfoCalls.push({ openid, at: new Date().toISOString() })
      if (!/^[\w-]{6,64}$/.test(openid)) return { errcode: 40003, errmsg: "invalid openid" }
      const user = this.users.get(openid)
      return {
        subscribe: 1,
        openid,
        language: "zh_CN",
        subscribe_time: Math.floor(Date.now() / 1000),
        ...(user?.unionid ? { unionid: user.unionid } : {}),
        remark: "",
        groupid: 0,
        tagid_list: [],
        subscribe_scene: "ADD_SCENE_SEARCH",
      }
    }
    if (!body) return { errcode: 43002, errmsg: "require POST method" }
    if (url.pathname === "/cgi-bin/menu/create") {
      const refusal = menuRefusal(body)
      this.menus.push({
        button: body.button,
        errcode: refusal?.errcode ?? 0,
        at: new Date().toISOString(),
      })
      return refusal ?? { errcode: 0, errmsg: "ok" }
    }
    if (url.pathname === "/cgi-bin/media/uploadnews") return this.uploadNews(body)
    if (url.pathname === "/cgi-bin/message/mass/sendall") return this.massSend(body)
    // /cgi-bin/message/template/send
    if (!body.touser || !body.template_id || typeof body.data !== "object" || !body.data)
      return { errcode: 47003, errmsg: "argument invalid! touser, template_id, data" }
    if (body.touser.startsWith("o-unfollowed"))
      return { errcode: 43004, errmsg: "require subscribe" }
    const msgid = 200000 + this.templateMessages.length
    this.templateMessages.push({ ...body, msgid, received_at: new Date().toISOString() })
    return { errcode: 0, errmsg: "ok", msgid }
  }

  uploadNews(body) {
    const articles = body.articles
    if (!Array.isArray(articles) || articles.length < 1 || articles.length > 8)
      return { errcode: 44003, errmsg: "empty news data" }
    if (articles.some((a) => !a?.title || !a?.content))
      return { errcode: 44004, errmsg: "empty content" }
    // Each article's cover must be a permanent thumb or image material of this account.
    const covers = articles.map((a) => this.materials.get(a.thumb_media_id))
    if (covers.some((m) => !m || !["thumb", "image"].includes(m.type)))
      return { errcode: 40007, errmsg: "invalid media_id" }
    const media_id = `standin-news-${randomUUID()}`
    this.news.set(media_id, articles)
    return { type: "news", media_id, created_at: Math.floor(Date.now() / 1000) }
  }

  /** 群发 as WeChat takes it: a calendar month (China time) holds `massQuota` accepted sends. */
  massSend(body) {
    const mediaId = body.mpnews?.media_id
    if (body.msgtype !== "mpnews" || !this.news.has(mediaId))
      return { errcode: 40007, errmsg: "invalid media_id" }
    const filter = body.filter ?? {}
    if (filter.is_to_all !== true && !Number.isInteger(Number(filter.tag_id)))
      return { errcode: 40050, errmsg: "invalid tag id" }
    if (body.clientmsgid && this.massSends.some((m) => m.clientmsgid === body.clientmsgid))
      return { errcode: 45065, errmsg: "clientmsgid exist" }
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const used = this.massSends.filter((m) => m.month === month && m.errcode === 0).length
    const errcode = used >= this.massQuota ? 45028 : 0
    const msg_id = errcode ? null : 1000000000 + this.massSends.length
    this.massSends.push({
      filter,
      media_id: mediaId,
      articles: this.news.get(mediaId),
      clientmsgid: body.clientmsgid ?? null,
      month,
      errcode,
      msg_id,
      at: new Date().toISOString(),
    })
    if (errcode) return { errcode, errmsg: "has no masssend quota" }
    return { errcode: 0, errmsg: "send job submission success", msg_id, msg_data_id: msg_id + 1 }
  }

  async knob(name, body) {
    if (name === "users" && body) {
      this.users.set(String(body.openid), { unionid: body.unionid ?? null })
      return { ok: true }
    }
    if (name === "user-info-calls") return { calls: this.userInfoCalls }
    if (name === "menus") return { menus: this.menus }
    if (name === "template-messages") return { messages: this.templateMessages }
    if (name === "mass-sends") return { mass_sends: this.massSends }
    if (name === "materials") return { materials: [...this.materials.values()] }
    if (name === "mass-quota" && body) {
      this.massQuota = Number(body.limit)
      return { ok: true }
    }
    if (name === "deliver" && body) return this.deliver(body)
    return null
  }

  /** WeChat pushing `message` to our server URL, signed (and sealed in safe mode). */
  async deliver({ server_url, mode = "plain", message, token, aesKey }) {
    const account = { ...this.account, ...(token ? { token } : {}), ...(aesKey ? { aesKey } : {}) }
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(6).toString("hex")
    const xml = toXml(message)
    const url = new URL(server_url)
    url.searchParams.set("signature", sha1Signature(account.token, timestamp, nonce))
    url.searchParams.set("timestamp", timestamp)
    url.searchParams.set("nonce", nonce)
    url.searchParams.set("openid", String(message.FromUserName ?? ""))
    let body = xml
    if (mode === "aes") {
      const sealed = sealMessage(xml, account.aesKey, this.account.appid)
      url.searchParams.set("encrypt_type", "aes")
      url.searchParams.set("msg_signature", sha1Signature(account.token, timestamp, nonce, sealed))
      body = toXml({ ToUserName: String(message.ToUserName ?? ""), Encrypt: sealed })
    }
    const started = Date.now()
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "text/xml" },
      body,
      signal: AbortSignal.timeout(5000),
    })
    const text = await response.text()
    const answer = { status: response.status, body: text, ms: Date.now() - started, reply: null }
    if (response.status !== 200 || text === "success" || text === "") return answer
    if (mode !== "aes") return { ...answer, reply: text }
    const encrypted = xmlField(text, "Encrypt")
    const signed =
      sha1Signature(
        account.token,
        xmlField(text, "TimeStamp"),
        xmlField(text, "Nonce"),
        encrypted
      ) === xmlField(text, "MsgSignature")
    if (!encrypted || !signed) return { ...answer, reply_error: "bad reply signature" }
    const opened = openMessage(encrypted, account.aesKey)
    if (opened.appid !== this.account.appid)
      return { ...answer, reply_error: "reply sealed for another appid" }
    return { ...answer, reply: opened.xml }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startWechatApiStandin({
    port: Number(process.argv[2] || 9401),
    officialAccount: {
      appid: "wx7777777777777777",
      secret: "wx-dev-oa-secret",
      token: process.env.WECHAT_OA_TOKEN || "wx-dev-oa-token",
      aesKey: process.env.WECHAT_OA_AES_KEY || "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    },
  })
  console.log(`listening http://127.0.0.1:${server.address().port}`)
}
