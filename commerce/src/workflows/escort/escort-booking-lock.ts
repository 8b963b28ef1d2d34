/** The lock paying for and cancelling one booking share: the two never interleave. */
export const escortBookingLockKey = (bookingId: string) => `escort-booking:${bookingId}`
