/** Per-user cooldown: one question per user every `seconds`; 0 turns it off. */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(private readonly seconds: number) {}

  /**
   * Records a use by `userId` at `now` (ms) and returns `undefined`, or, when
   * the user is still cooling down, the time (ms) from which they may ask again.
   */
  take(userId: string, now = Date.now()): number | undefined {
    if (this.seconds <= 0) return undefined;
    const previous = this.last.get(userId);
    const retryAt = previous === undefined ? 0 : previous + this.seconds * 1000;
    if (now < retryAt) return retryAt;
    this.last.set(userId, now);
    // Forget users whose cooldown is over, so the map does not grow with every user ever seen.
    if (this.last.size > 10_000) {
      for (const [user, at] of this.last) if (at + this.seconds * 1000 <= now) this.last.delete(user);
    }
    return undefined;
  }
}
