import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import {
  officialAccountConfigFromEnv,
  type OfficialAccountConfig,
} from "../../../../modules/wechat-official-account/config"
import {
  decryptMessage,
  encryptMessage,
  MessageCryptoError,
} from "../../../../modules/wechat-official-account/message-crypto"
import {
  signatureMatches,
  timestampFresh,
  wechatSignature,
} from "../../../../modules/wechat-official-account/message-signature"
import {
  buildMessageXml,
  MalformedXmlError,
  parseMessageXml,
  textField,
} from "../../../../modules/wechat-official-account/message-xml"
import {
  answerMessage,
  inboundMessageOf,
} from "../../../../workflows/official-account/answer-message"
import { OFFICIAL_ACCOUNT_TEXT } from "../../../../workflows/official-account/official-account.zh-CN"

/** WeChat's messages are a few kilobytes; anything near this is not WeChat. */
const MAX_BODY_BYTES = 256 * 1024

type Query = Record<string, string | undefined>

const queryOf = (req: MedusaRequest): Query =>
  Object.fromEntries(
    Object.entries(req.query).map(([k, v]) => [k, typeof v === "string" ? v : undefined])
  )

function refuse(res: MedusaResponse, status: number, message: string) {
  res.status(status).json({ message })
}

/** The raw body (the body parser is off for this route: WeChat posts text/xml). */
async function rawBody(req: MedusaRequest): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as unknown as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks).toString("utf8")
}

/** A config and a fresh, signed request, or the refusal already sent. */
function verified(req: MedusaRequest, res: MedusaResponse): OfficialAccountConfig | null {
  const config = officialAccountConfigFromEnv()
  if (!config) {
    refuse(res, 404, OFFICIAL_ACCOUNT_TEXT.notConfigured)
    return null
  }
  const q = queryOf(req)
  if (
    !timestampFresh(q.timestamp) ||
    !q.nonce ||
    !signatureMatches(q.signature, config.token, q.timestamp!, q.nonce)
  ) {
    refuse(res, 401, OFFICIAL_ACCOUNT_TEXT.badSignature)
    return null
  }
  return config
}

/**
 * GET /hooks/wechat/official-account: WeChat checks the server URL (服务器配置) by signing
 * token, timestamp and nonce; the answer is `echostr` as it came.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (!verified(req, res)) return
  res.type("text/plain").send(queryOf(req).echostr ?? "")
}

/**
 * POST /hooks/wechat/official-account: a message or event from a follower, in plain mode
 * (signed by `signature`) or safe mode (`encrypt_type=aes`: the XML's Encrypt field, signed
 * by `msg_signature`, replies sealed the same way). The answer is a passive reply or
 * "success". Bad signatures are 401, unreadable XML 400; a failure of ours is logged and
 * answered "success" (WeChat would show the follower an error page otherwise).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const q = queryOf(req)
  const safeMode = q.encrypt_type === "aes"
  if (q.encrypt_type && !safeMode && q.encrypt_type !== "raw") {
    return refuse(res, 400, OFFICIAL_ACCOUNT_TEXT.badMessage)
  }
  const config = officialAccountConfigFromEnv()
  if (!config) return refuse(res, 404, OFFICIAL_ACCOUNT_TEXT.notConfigured)
  // Plain mode's signature covers no body: check it before reading one.
  if (!safeMode && !verified(req, res)) return
  const body = await rawBody(req)
  if (body === null) return refuse(res, 413, OFFICIAL_ACCOUNT_TEXT.tooLarge)

  let xml = body
  if (safeMode) {
    if (!config.aesKey) return refuse(res, 403, OFFICIAL_ACCOUNT_TEXT.safeModeOff)
    let encrypted: string | undefined
    try {
      encrypted = textField(parseMessageXml(body), "Encrypt")
    } catch (error) {
      if (error instanceof MalformedXmlError)
        return refuse(res, 400, OFFICIAL_ACCOUNT_TEXT.badMessage)
      throw error
    }
    if (!encrypted) return refuse(res, 400, OFFICIAL_ACCOUNT_TEXT.badMessage)
    if (
      !timestampFresh(q.timestamp) ||
      !q.nonce ||
      !signatureMatches(q.msg_signature, config.token, q.timestamp!, q.nonce, encrypted)
    ) {
      return refuse(res, 401, OFFICIAL_ACCOUNT_TEXT.badSignature)
    }
    try {
      xml = decryptMessage(encrypted, config.aesKey, config.appid)
    } catch (error) {
      if (error instanceof MessageCryptoError) {
        return refuse(res, 400, OFFICIAL_ACCOUNT_TEXT.undecryptable)
      }
      throw error
    }
  }

  let message: ReturnType<typeof inboundMessageOf>
  try {
    message = inboundMessageOf(parseMessageXml(xml))
  } catch (error) {
    if (error instanceof MalformedXmlError)
      return refuse(res, 400, OFFICIAL_ACCOUNT_TEXT.badMessage)
    throw error
  }

  let reply: string | null = null
  try {
    reply = await answerMessage(req.scope, config, message)
  } catch (error) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`[official-account] answering ${message.msgType} failed: ${(error as Error).message}`)
  }
  if (!reply) return res.type("text/plain").send("success")
  if (!safeMode) return res.type("application/xml").send(reply)

  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(8).toString("hex")
  const sealed = encryptMessage(reply, config.aesKey, config.appid)
  res.type("application/xml").send(
    buildMessageXml({
      Encrypt: sealed,
      MsgSignature: wechatSignature(config.token, timestamp, nonce, sealed),
      TimeStamp: Number(timestamp),
      Nonce: nonce,
    })
  )
}
