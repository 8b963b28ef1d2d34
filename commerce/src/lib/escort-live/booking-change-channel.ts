import { EventEmitter } from "node:events"
import type Redis from "ioredis"
import { createRedisConnection } from "../queue/redis-connection"

type Listener = () => void

// Booking ids are unique across apps, so the channel needs no per-app prefix; every commerce
// instance behind the proxy hears every change. Other live things (consultations) use the
// same channel class with their own topic.
const ESCORT_BOOKING_TOPIC = "escort-booking-changed"

/**
 * "Booking X has a new timeline event": a poke, not the event itself. Listeners re-read the
 * timeline from Postgres, so order and content always come from the database.
 * With REDIS_URL it crosses processes through Redis pub/sub (one subscriber connection per
 * process, however many streams are open); without it, it stays in the process.
 */
export class BookingChangeChannel {
  private publisher?: Redis
  private subscriber?: Redis
  private readonly local = new EventEmitter().setMaxListeners(0)
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(
    private readonly redisUrl?: string,
    private readonly topic: string = ESCORT_BOOKING_TOPIC
  ) {}

  private channelOf(id: string) {
    return `${this.topic}:${id}`
  }

  async publish(bookingId: string): Promise<void> {
    if (!this.redisUrl) {
      this.local.emit(this.channelOf(bookingId))
      return
    }
    if (!this.publisher) {
      this.publisher = createRedisConnection(this.redisUrl, { maxRetriesPerRequest: 2 })
      this.publisher.on("error", () => undefined)
    }
    await this.publisher.publish(this.channelOf(bookingId), "1")
  }

  /** Calls `listener` on every change of the booking; resolves once it is listening. */
  async subscribe(bookingId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = this.channelOf(bookingId)
    if (!this.redisUrl) {
      this.local.on(channel, listener)
      return async () => void this.local.off(channel, listener)
    }
    const subscriber = this.redisSubscriber()
    let set = this.listeners.get(channel)
    if (!set) {
      set = new Set()
      this.listeners.set(channel, set)
    }
    set.add(listener)
    if (set.size === 1) await subscriber.subscribe(channel)
    return async () => {
      const current = this.listeners.get(channel)
      if (!current?.delete(listener) || current.size) return
      this.listeners.delete(channel)
      await subscriber.unsubscribe(channel).catch(() => undefined)
    }
  }

  private redisSubscriber(): Redis {
    if (!this.subscriber) {
      this.subscriber = createRedisConnection(this.redisUrl!)
      this.subscriber.on("message", (channel: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener()
      })
      // ioredis re-subscribes its channels itself after a reconnect.
      this.subscriber.on("error", () => undefined)
    }
    return this.subscriber
  }
}

let shared: BookingChangeChannel | undefined

/** The process's channel, configured from REDIS_URL like the rest of the shared infrastructure. */
export function bookingChanges(): BookingChangeChannel {
  shared ??= new BookingChangeChannel(process.env.REDIS_URL)
  return shared
}
