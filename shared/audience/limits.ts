/**
 * The limits of an audience session, in one place: the server enforces them where a message
 * enters, and the pages and tests read them from here (ARCHITECTURE.md, "Audience mode").
 */
export const AUDIENCE_LIMITS = {
  /** One message, as bytes on the wire: a result is about 300 bytes, so a few KB is ample. */
  maxMessageBytes: 4096,
  /** Devices connected at once; the next is refused with a sentence saying the room is full. */
  maxAttendees: 500,
  /** Presenter pages connected at once (a laptop and a projector tab, say). */
  maxPresenters: 4,
  /** Messages per second one connection may send on average, and the burst it may save up. */
  messagesPerSecond: 5,
  burst: 10,
  /** Refused messages (bad, over the rate) before the connection is closed. */
  strikes: 20,
} as const;

/** How long the measured runs on each attendee's device take, as the presenter sets it. */
export const RUN_SECONDS = { min: 0.1, max: 5, default: 1 } as const;
