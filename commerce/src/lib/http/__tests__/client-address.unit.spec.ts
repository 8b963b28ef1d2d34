import { addressBucket, clientAddress, normalizeAddress } from "../client-address"

const request = (peer: string | undefined, headers: Record<string, string> = {}) => ({
  socket: { remoteAddress: peer },
  headers,
})

describe("clientAddress", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    const spoofed = request("203.0.113.9", { "x-forwarded-for": "1.2.3.4, 5.6.7.8" })
    expect(clientAddress(spoofed, {})).toBe("203.0.113.9")
    expect(clientAddress(spoofed, { TRUSTED_PROXIES: "10.0.0.0/8" })).toBe("203.0.113.9")
  })

  it("takes the rightmost untrusted hop when the peer is a trusted proxy", () => {
    const env = { TRUSTED_PROXIES: "10.0.0.0/8, 172.30.0.10" }
    // The client wrote "1.1.1.1" itself; the edge proxy appended the real peer 198.51.100.7.
    const viaChain = request("172.30.0.10", {
      "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.1.2.3",
    })
    expect(clientAddress(viaChain, env)).toBe("198.51.100.7")
    expect(clientAddress(request("172.30.0.10", {}), env)).toBe("172.30.0.10")
    expect(
      clientAddress(request("10.9.9.9", { "x-forwarded-for": "10.1.1.1, 10.2.2.2" }), env)
    ).toBe("10.1.1.1")
  })

  it("stops at a malformed hop instead of believing what lies left of it", () => {
    const env = { TRUSTED_PROXIES: "10.0.0.1" }
    const broken = request("10.0.0.1", { "x-forwarded-for": "1.1.1.1, not-an-ip" })
    expect(clientAddress(broken, env)).toBe("10.0.0.1")
  })

  it("understands IPv6 peers, IPv6 CIDRs and IPv4-mapped addresses", () => {
    const env = { TRUSTED_PROXIES: "fd00::/8,::ffff:10.0.0.1" }
    expect(clientAddress(request("fd00::1", { "x-forwarded-for": "2001:DB8::42" }), env)).toBe(
      "2001:db8::42"
    )
    expect(
      clientAddress(request("::ffff:10.0.0.1", { "x-forwarded-for": "::ffff:198.51.100.7" }), env)
    ).toBe("198.51.100.7")
    expect(clientAddress(request("::ffff:10.0.0.2", { "x-forwarded-for": "9.9.9.9" }), env)).toBe(
      "10.0.0.2"
    )
    expect(
      clientAddress(request("2001:db8::9", { "x-forwarded-for": "9.9.9.9" }), {
        TRUSTED_PROXIES: "::ffff:10.0.0.0/104",
      })
    ).toBe("2001:db8::9")
    expect(
      clientAddress(request("::ffff:10.3.3.3", { "x-forwarded-for": "9.9.9.9" }), {
        TRUSTED_PROXIES: "::ffff:10.0.0.0/104",
      })
    ).toBe("9.9.9.9")
  })

  it("ignores TRUSTED_PROXIES entries that are not addresses", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)
    const env = { TRUSTED_PROXIES: "proxy.local, 10.0.0.0/99, 10.0.0.1" }
    expect(clientAddress(request("10.0.0.2", { "x-forwarded-for": "9.9.9.9" }), env)).toBe(
      "10.0.0.2"
    )
    expect(clientAddress(request("10.0.0.1", { "x-forwarded-for": "9.9.9.9" }), env)).toBe(
      "9.9.9.9"
    )
    expect(warn).toHaveBeenCalledTimes(2)
    warn.mockRestore()
  })

  it("believes the web server's x-shopper-ip only with the right secret", () => {
    const env = { WEB_FORWARD_SECRET: "s3cret-shared-with-web" }
    const forwarded = (secret: string | undefined, shopper = "198.51.100.23") =>
      request("172.30.0.5", {
        "x-shopper-ip": shopper,
        ...(secret === undefined ? {} : { "x-web-forward-secret": secret }),
      })
    expect(clientAddress(forwarded("s3cret-shared-with-web"), env)).toBe("198.51.100.23")
    expect(clientAddress(forwarded("wrong"), env)).toBe("172.30.0.5")
    expect(clientAddress(forwarded(undefined), env)).toBe("172.30.0.5")
    expect(clientAddress(forwarded(""), {})).toBe("172.30.0.5")
    expect(clientAddress(forwarded("s3cret-shared-with-web"), {})).toBe("172.30.0.5")
    expect(clientAddress(forwarded("s3cret-shared-with-web", "evil, 1.2.3.4"), env)).toBe(
      "172.30.0.5"
    )
    expect(clientAddress(forwarded("s3cret-shared-with-web", "::ffff:1.2.3.4"), env)).toBe(
      "1.2.3.4"
    )
  })

  it("answers unknown without a peer address", () => {
    expect(clientAddress(request(undefined), {})).toBe("unknown")
  })
})

describe("normalizeAddress", () => {
  it("drops ports, brackets, zone ids and the IPv4-mapped prefix", () => {
    expect(normalizeAddress("1.2.3.4:5678")).toBe("1.2.3.4")
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1")
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1")
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1")
    expect(normalizeAddress("1.2.3")).toBeNull()
    expect(normalizeAddress("")).toBeNull()
  })
})

describe("addressBucket", () => {
  it("keeps IPv4 and groups IPv6 by /64", () => {
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7")
    expect(addressBucket("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64")
    expect(addressBucket("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64")
    expect(addressBucket("2001:db8::")).toBe("2001:db8:0:0::/64")
    expect(addressBucket("::1")).toBe("0:0:0:0::/64")
    expect(addressBucket("1:2:3:4:5:6:7.8.9.10")).toBe("1:2:3:4::/64")
  })
})
