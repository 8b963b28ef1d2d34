/** @jest-environment node */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { clientAddress, parseTrustedProxies, shopperAddress } from "@/lib/shopper-address"
import { SOCKET_PEER_HEADER, installSocketPeerHeader, socketPeer } from "@/lib/socket-peer"

const none = parseTrustedProxies("")
const proxy = parseTrustedProxies("10.0.0.2, 172.16.0.0/12, fd00::/8")

describe("clientAddress", () => {
  it.each([
    // [peer, X-Forwarded-For, expected] with no trusted proxy (npm start: reached directly)
    ["203.0.113.7", null, "203.0.113.7"],
    ["203.0.113.7", "1.2.3.4", "203.0.113.7"],
    ["203.0.113.7", "1.2.3.4, 10.0.0.2", "203.0.113.7"],
    ["::ffff:203.0.113.7", "garbage", "203.0.113.7"],
    ["127.0.0.1", "127.0.0.1", "127.0.0.1"],
  ])("with no trusted proxy, peer %s and X-Forwarded-For %j is %s", (peer, xff, expected) => {
    expect(clientAddress(peer, xff, none)).toBe(expected)
  })

  it.each([
    // behind the reverse proxy (docker-compose)
    ["10.0.0.2", "198.51.100.9", "198.51.100.9"],
    ["10.0.0.2", "6.6.6.6, 198.51.100.9", "198.51.100.9"],
    ["10.0.0.2", "6.6.6.6, 198.51.100.9, 172.20.0.5", "198.51.100.9"],
    ["172.18.0.3", "198.51.100.9:53211", "198.51.100.9"],
    ["::ffff:10.0.0.2", "[2001:db8::1]:443", "2001:db8::1"],
    ["fd00::2", "2001:DB8::1", "2001:db8::1"],
    // the proxy's own request (a health check) is the proxy
    ["10.0.0.2", null, "10.0.0.2"],
    ["10.0.0.2", "172.20.0.5", "172.20.0.5"],
    // an untrusted peer's X-Forwarded-For counts for nothing, even naming a trusted proxy
    ["198.51.100.9", "10.0.0.2", "198.51.100.9"],
  ])("peer %s with X-Forwarded-For %j is %s", (peer, xff, expected) => {
    expect(clientAddress(peer, xff, proxy)).toBe(expected)
  })

  it.each([
    ["10.0.0.2", "not-an-ip"],
    ["10.0.0.2", "1.2.3.4, "],
    ["10.0.0.2", "1.2.3.4,,"],
    ["unknown", "1.2.3.4"],
    ["", null],
  ])("is unknown when a vouched-for hop is not an address (peer %s, %j)", (peer, xff) => {
    expect(clientAddress(peer, xff, proxy)).toBeNull()
  })
})

describe("parseTrustedProxies", () => {
  it("takes addresses and CIDR ranges of both families", () => {
    const trusted = parseTrustedProxies(" 192.168.1.10 ,10.0.0.0/8,::1, fd00::/8 ")
    expect(trusted.check("192.168.1.10")).toBe(true)
    expect(trusted.check("192.168.1.11")).toBe(false)
    expect(trusted.check("10.200.3.4")).toBe(true)
    expect(trusted.check("::1", "ipv6")).toBe(true)
    expect(trusted.check("fd12::5", "ipv6")).toBe(true)
    expect(trusted.check("2001:db8::1", "ipv6")).toBe(false)
  })

  it("trusts nobody by default", () => {
    expect(parseTrustedProxies(undefined).check("127.0.0.1")).toBe(false)
  })

  it.each(["proxy", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/8", "10.0.0.0/x", "*"])(
    "refuses %j",
    (list) => {
      expect(() => parseTrustedProxies(list)).toThrow(/TRUSTED_PROXIES/)
    }
  )
})

describe("the socket peer stamp on a real server", () => {
  let server: http.Server
  let seen: http.IncomingHttpHeaders[]
  let port: number

  beforeAll(async () => {
    installSocketPeerHeader()
    seen = []
    server = http.createServer((request, response) => {
      seen.push(request.headers)
      response.end("ok")
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  async function served(headers: Record<string, string>): Promise<Headers> {
    await fetch(`http://127.0.0.1:${port}/`, { headers })
    const raw = seen.at(-1)!
    return new Headers(
      Object.entries(raw).map(([name, value]): [string, string] => [
        name,
        ([] as string[]).concat(value ?? []).join(", "),
      ])
    )
  }

  it("knows the connection's address, not the X-Forwarded-For a client sent", async () => {
    const headers = await served({ "x-forwarded-for": "6.6.6.6" })
    expect(socketPeer(headers)).toBe("127.0.0.1")
    expect(shopperAddress(headers, none)).toBe("127.0.0.1")
  })

  it("replaces a stamp the client forged", async () => {
    const headers = await served({ [SOCKET_PEER_HEADER]: "forged 6.6.6.6" })
    expect(shopperAddress(headers, none)).toBe("127.0.0.1")
  })

  it("follows X-Forwarded-For only when the connection comes from a trusted proxy", async () => {
    const headers = await served({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" })
    expect(shopperAddress(headers, parseTrustedProxies("127.0.0.1"))).toBe("198.51.100.9")
    expect(shopperAddress(headers, none)).toBe("127.0.0.1")
  })

  it("believes no stamp without this process's token", () => {
    const forged = new Headers({ [SOCKET_PEER_HEADER]: "0123abcd 6.6.6.6" })
    expect(socketPeer(forged)).toBeNull()
    expect(shopperAddress(forged, none)).toBeNull()
    expect(shopperAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), none)).toBeNull()
  })
})
