import { createHash, timingSafeEqual } from "crypto"
import { BlockList, isIP } from "net"

/** What `clientAddress` reads from a request: the TCP peer and the headers. */
export type AddressedRequest = {
  socket?: { remoteAddress?: string | undefined } | null
  headers: Record<string, string | string[] | undefined>
}

export type ClientAddressEnv = {
  /** Comma list of proxy IPs or CIDRs whose X-Forwarded-For is believed; empty trusts none. */
  TRUSTED_PROXIES?: string
  /** Shared with the web server, which names the shopper in `x-shopper-ip`. */
  WEB_FORWARD_SECRET?: string
}

/** `::ffff:1.2.3.4` → `1.2.3.4`, zone ids and ports dropped, lower case; null when not an IP. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null
  let address = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed) address = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "")
  address = address.replace(/%.*$/, "").toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address)
  if (mapped) address = mapped[1]
  return isIP(address) ? address : null
}

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4")

let cachedList: { source: string; list: BlockList } | undefined

/** The trusted proxies as a BlockList; entries that are not an IP or CIDR are left out (trusting less). */
function trustedProxies(source: string): BlockList {
  if (cachedList?.source === source) return cachedList.list
  const list = new BlockList()
  for (const entry of source.split(",").map((part) => part.trim())) {
    if (!entry) continue
    const [base, bits, extra] = entry.split("/")
    const address = normalizeAddress(base)
    const prefix = bits === undefined ? undefined : Number(bits)
    const maxBits = address && familyOf(address) === "ipv6" ? 128 : 32
    // A mapped v4 CIDR (::ffff:10.0.0.0/104) counts its prefix over 128 bits.
    const v4Prefix = address && base.includes(":") && familyOf(address) === "ipv4" ? 96 : 0
    if (
      !address ||
      extra !== undefined ||
      (prefix !== undefined &&
        (!Number.isInteger(prefix) || prefix - v4Prefix < 0 || prefix - v4Prefix > maxBits))
    ) {
      console.warn(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR; ignored`)
      continue
    }
    if (prefix === undefined) list.addAddress(address, familyOf(address))
    else list.addSubnet(address, prefix - v4Prefix, familyOf(address))
  }
  cachedList = { source, list }
  return list
}

const digest = (value: string) => createHash("sha256").update(value).digest()

/** Constant-time comparison of the web server's secret header with WEB_FORWARD_SECRET. */
function webSecretMatches(sent: string | string[] | undefined, secret: string | undefined) {
  if (!secret || typeof sent !== "string") return false
  return timingSafeEqual(digest(sent), digest(secret))
}

const header = (req: AddressedRequest, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(",") : value
}

/**
 * The address every per-address limit counts against. It is the TCP peer, unless the peer
 * is a proxy named in TRUSTED_PROXIES: then the rightmost X-Forwarded-For entry that is not
 * itself a trusted proxy (entries further left were written by the client and prove nothing).
 * The web server, which calls commerce for its shoppers, names the shopper in `x-shopper-ip`
 * together with `x-web-forward-secret`; without the right secret that header is ignored.
 * Express's `req.ip` (Medusa sets `trust proxy` to 1) and `request_context.ip_address`
 * (the leftmost X-Forwarded-For) both believe any client, so limits never use them.
 */
export function clientAddress(req: AddressedRequest, env: ClientAddressEnv = process.env): string {
  if (webSecretMatches(req.headers["x-web-forward-secret"], env.WEB_FORWARD_SECRET)) {
    const shopper = normalizeAddress(header(req, "x-shopper-ip"))
    if (shopper) return shopper
  }
  const peer = normalizeAddress(req.socket?.remoteAddress)
  if (!peer) return "unknown"
  const trusted = trustedProxies(env.TRUSTED_PROXIES ?? "")
  const isTrusted = (address: string) => trusted.check(address, familyOf(address))
  if (!isTrusted(peer)) return peer
  const hops = (header(req, "x-forwarded-for") ?? "").split(",").reverse()
  let nearest = peer
  for (const hop of hops) {
    const address = normalizeAddress(hop)
    // A malformed entry breaks the chain: the last trusted hop is all that is known.
    if (!address) return nearest
    if (!isTrusted(address)) return address
    nearest = address
  }
  return nearest
}

/**
 * The bucket a limit counts an address in: IPv4 as is, IPv6 by its /64, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address
  // A trailing dotted quad (64:ff9b::1.2.3.4) is two groups.
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(":")
  )
  const [head, tail = ""] = hex.split("::")
  const left = head ? head.split(":") : []
  const right = tail ? tail.split(":") : []
  const groups = hex.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`
}
