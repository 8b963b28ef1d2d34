import type {
  AffiliateProfile,
  LedgerEntry,
  ShareEarning,
  TeamLevel,
  Withdrawal,
  WithdrawalRequest,
} from "../affiliate/types"
import { query } from "../http"
import {
  sortAddressBook,
  toMedusaAddress,
  type MedusaCustomerAddress,
  type MemberAddress,
  type MemberAddressInput,
} from "./member-address"
import type { MemberMembership } from "./member-membership"
import { profileUpdateBody, type MemberProfile } from "./member-profile"
import { commerceRequester, type CommerceClientOptions } from "./request"

export type Member = {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  /** Profile fields Medusa has no column for (birth_date, occupation) and sign-up facts. */
  metadata?: Record<string, unknown> | null
  created_at: string
}

export type MemberOrder = {
  id: string
  display_id: number
  status: string
  payment_status: string
  fulfillment_status: string
  total: number
  currency_code: string
  created_at: string
  items: { id: string; title: string; product_title?: string; quantity: number }[]
}

const noStore = { cacheHint: "no-store" as const }
const json = (body: unknown) => ({ method: "POST", body: JSON.stringify(body), ...noStore })

/** Sign-in, registration and everything a signed-in member reads or does. */
export function createMemberClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async signInWithPassword(email: string, password: string): Promise<string> {
      const { token } = await request<{ token: string }>(
        "/auth/customer/emailpass",
        json({ email, password })
      )
      return token
    },

    /**
     * Creates the login and the customer, and returns a signed-in token. A phone is bound
     * afterwards with a code (`bindPhone`); commerce refuses one at sign-up.
     */
    async registerWithPassword(input: {
      email: string
      password: string
      first_name?: string
      last_name?: string
    }): Promise<string> {
      const { token } = await request<{ token: string }>(
        "/auth/customer/emailpass/register",
        json({ email: input.email, password: input.password })
      )
      await request("/store/customers", {
        ...json({
          email: input.email,
          first_name: input.first_name,
          last_name: input.last_name,
        }),
        token,
      })
      return this.signInWithPassword(input.email, input.password)
    },

    async sendSmsCode(phone: string, purpose: "login" | "register" | "bind"): Promise<void> {
      await request("/store/auth/sms-codes", json({ phone, purpose }))
    },

    /** Signs in with a phone code, registering the member on first use. */
    async signInWithPhone(phone: string, code: string): Promise<string> {
      const { token } = await request<{ token: string }>(
        "/auth/customer/phone",
        json({ phone, code })
      )
      return token
    },

    async me(token: string): Promise<Member> {
      const { customer } = await request<{ customer: Member }>("/store/customers/me", {
        token,
        ...noStore,
      })
      return customer
    },

    async updateProfile(token: string, profile: MemberProfile): Promise<Member> {
      const { customer } = await request<{ customer: Member }>("/store/customers/me", {
        ...json(profileUpdateBody(profile)),
        token,
      })
      return customer
    },

    /** 个人会员 or 团体会员; commerce moves the member in or out of the 团体会员 group. */
    async setMembership(token: string, membership: MemberMembership): Promise<Member> {
      const { customer } = await request<{ customer: Member }>("/store/customers/me/membership", {
        ...json(membership),
        token,
      })
      return customer
    },

    /** Needs the member's current password; members without an email login get a 400. */
    async changePassword(token: string, currentPassword: string, newPassword: string) {
      await request("/store/customers/me/password", {
        ...json({ current_password: currentPassword, new_password: newPassword }),
        token,
      })
    },

    /** Binds a number with a code sent by `sendSmsCode(phone, "bind")`; 409 when it is taken. */
    async bindPhone(token: string, phone: string, code: string): Promise<Member> {
      const { customer } = await request<{ customer: Member }>("/store/customers/me/phone", {
        ...json({ phone, code }),
        token,
      })
      return customer
    },

    /** Binds the number shared through the mini-program's 手机号快速验证 (getPhoneNumber code). */
    async bindWechatPhone(token: string, code: string): Promise<Member> {
      const { customer } = await request<{ customer: Member }>("/store/customers/me/phone/wechat", {
        ...json({ code }),
        token,
      })
      return customer
    },

    addresses: {
      /** The address book, default address first. */
      async list(token: string): Promise<MemberAddress[]> {
        const { addresses } = await request<{ addresses: MedusaCustomerAddress[] }>(
          `/store/customers/me/addresses${query({ limit: 50 })}`,
          { token, ...noStore }
        )
        return sortAddressBook(addresses)
      },
      async add(token: string, address: MemberAddressInput): Promise<void> {
        await request("/store/customers/me/addresses", {
          ...json(toMedusaAddress(address)),
          token,
        })
      },
      async update(token: string, id: string, address: MemberAddressInput): Promise<void> {
        await request(`/store/customers/me/addresses/${encodeURIComponent(id)}`, {
          ...json(toMedusaAddress(address)),
          token,
        })
      },
      /** Medusa clears the previous default itself. */
      async makeDefault(token: string, id: string): Promise<void> {
        await request(`/store/customers/me/addresses/${encodeURIComponent(id)}`, {
          ...json({ is_default_shipping: true }),
          token,
        })
      },
      async remove(token: string, id: string): Promise<void> {
        await request(`/store/customers/me/addresses/${encodeURIComponent(id)}`, {
          method: "DELETE",
          token,
          ...noStore,
        })
      },
    },

    async listOrders(token: string, limit = 10, offset = 0) {
      return request<{ orders: MemberOrder[]; count: number }>(
        `/store/orders${query({ limit, offset, order: "-created_at", fields: "*items,+total,+status" })}`,
        { token, ...noStore }
      )
    },

    /**
     * The member's checkouts whose WeChat payment is open and not expired, from any device:
     * they are not orders yet (the order exists once WeChat confirms the money).
     */
    async pendingPayments(token: string) {
      const { pending_payments } = await request<{
        pending_payments: {
          cart_id: string
          amount: number
          titles: string[]
          time_expire: string
        }[]
      }>("/store/customers/me/pending-payments", { token, ...noStore })
      return pending_payments
    },

    /** Whether the member may still cancel the order themselves, and if not, why. */
    async orderCancellation(token: string, orderId: string) {
      const { cancellation } = await request<{
        cancellation: { allowed: boolean; reason: string | null }
      }>(`/store/orders/${encodeURIComponent(orderId)}/cancellation`, { token, ...noStore })
      return cancellation
    },

    /** Cancels the member's order; a paid one is refunded in full to where it came from. */
    async cancelOrder(token: string, orderId: string): Promise<void> {
      await request(`/store/orders/${encodeURIComponent(orderId)}/cancel`, { ...json({}), token })
    },

    affiliate: {
      async me(token: string): Promise<AffiliateProfile> {
        const { affiliate } = await request<{ affiliate: AffiliateProfile }>(
          "/store/affiliate/me",
          { token, ...noStore }
        )
        return affiliate
      },
      async commissions(token: string, limit = 20, offset = 0) {
        return request<{ commissions: LedgerEntry[]; count: number }>(
          `/store/affiliate/commissions${query({ limit, offset })}`,
          { token, ...noStore }
        )
      },
      /** 分享赚 for the given products; empty unless the member is a distributor. */
      async shareEarnings(token: string, productIds: string[]): Promise<ShareEarning[]> {
        if (!productIds.length) return []
        const { share_earnings } = await request<{ share_earnings: ShareEarning[] }>(
          `/store/affiliate/share-earnings${query({ product_id: productIds })}`,
          { token, ...noStore }
        )
        return share_earnings
      },
      async team(token: string): Promise<TeamLevel[]> {
        const { levels } = await request<{ levels: TeamLevel[] }>("/store/affiliate/team", {
          token,
          ...noStore,
        })
        return levels
      },
      async bind(token: string, code: string): Promise<void> {
        await request("/store/affiliate/bind", { ...json({ code }), token })
      },
      async withdrawals(token: string, limit = 20) {
        return request<{ withdrawals: Withdrawal[]; count: number }>(
          `/store/affiliate/withdrawals${query({ limit })}`,
          { token, ...noStore }
        )
      },
      async requestWithdrawal(token: string, body: WithdrawalRequest): Promise<Withdrawal> {
        const { withdrawal } = await request<{ withdrawal: Withdrawal }>(
          "/store/affiliate/withdrawals",
          { ...json(body), token }
        )
        return withdrawal
      },
    },
  }
}

export type MemberClient = ReturnType<typeof createMemberClient>
