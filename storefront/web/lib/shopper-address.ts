import { BlockList, isIP } from "node:net"
import { socketPeer } from "./socket-peer"

/** An address as proxies write it ("[::1]:8080", "1.2.3.4:5678", "::ffff:1.2.3.4"), or null. */
function normalizeAddress(raw: string): string | null {
  let address = raw.trim().toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed) address = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"))
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7)
  return isIP(address) ? address : null
}

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4")

/** `TRUSTED_PROXIES`: IPs and CIDR ranges, comma-separated; anything else is a startup error. */
export function parseTrustedProxies(list: string | undefined): BlockList {
  const trusted = new BlockList()
  for (const entry of (list ?? "").split(",").map((part) => part.trim())) {
    if (!entry) continue
    const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry)
    const address = match && normalizeAddress(match[1])
    const family = address && familyOf(address)
    const prefix = match?.[2] === undefined ? null : Number(match[2])
    if (!address || !family || (prefix !== null && prefix > (family === "ipv6" ? 128 : 32))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`)
    }
    if (prefix === null) trusted.addAddress(address, family)
    else trusted.addSubnet(address, prefix, family)
  }
  return trusted
}

let cached: { list: string | undefined; trusted: BlockList } | undefined

/** The trusted proxies from the environment, parsed once per value. */
export function configuredTrustedProxies(env: NodeJS.ProcessEnv = process.env): BlockList {
  if (cached && cached.list === env.TRUSTED_PROXIES) return cached.trusted
  cached = { list: env.TRUSTED_PROXIES, trusted: parseTrustedProxies(env.TRUSTED_PROXIES) }
  return cached.trusted
}

/**
 * The client's address from the TCP peer and X-Forwarded-For: the peer itself unless it is a
 * trusted proxy; then the rightmost X-Forwarded-For entry that is not one (entries left of it
 * were written by whoever sent the request and prove nothing). Null when a hop a trusted proxy
 * vouches for is not an address.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | null,
  trusted: BlockList
): string | null {
  const hops = [...(forwardedFor ? forwardedFor.split(",") : []), peer]
  let address: string | null = null
  for (let index = hops.length - 1; index >= 0; index--) {
    address = normalizeAddress(hops[index])
    if (!address) return null
    if (!trusted.check(address, familyOf(address))) return address
  }
  return address
}

/**
 * The shopper's address for the request these headers belong to (a page, route handler or
 * server action), or null when it cannot be known; never what the client merely claims.
 */
export function shopperAddress(
  headers: { get(name: string): string | null },
  trusted: BlockList = configuredTrustedProxies()
): string | null {
  const peer = socketPeer(headers)
  return peer ? clientAddress(peer, headers.get("x-forwarded-for"), trusted) : null
}
