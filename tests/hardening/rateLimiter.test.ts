import { RateLimiter } from '../../src/http/rateLimiter';

/** A limiter on a clock the test moves by hand. */
function limiterAt(burst: number, perSecond: number, maxKeys = 100) {
  let ms = 0;
  const limiter = new RateLimiter({ burst, perSecond, maxKeys }, () => ms);
  return {
    limiter,
    advance: (seconds: number) => {
      ms += seconds * 1000;
    },
  };
}

describe('the per-key token bucket', () => {
  describe('when a client stays within its burst', () => {
    test('it lets every request through', () => {
      const { limiter } = limiterAt(5, 1);
      for (let i = 0; i < 5; i++) expect(limiter.take('a')).toEqual({ allowed: true });
    });
  });

  describe('when a client exceeds its burst', () => {
    test('it refuses the next request and says how many seconds to wait', () => {
      const { limiter } = limiterAt(3, 0.5);
      for (let i = 0; i < 3; i++) limiter.take('a');
      expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    });

    test('it lets the client in again once the bucket has refilled', () => {
      const { limiter, advance } = limiterAt(2, 1);
      limiter.take('a');
      limiter.take('a');
      expect(limiter.take('a').allowed).toBe(false);
      advance(1);
      expect(limiter.take('a').allowed).toBe(true);
    });

    test('refused requests do not dig the client deeper (no growing debt)', () => {
      const { limiter, advance } = limiterAt(1, 1);
      limiter.take('a');
      for (let i = 0; i < 50; i++) limiter.take('a');
      advance(1);
      expect(limiter.take('a').allowed).toBe(true);
    });

    test('other clients are still served', () => {
      const { limiter } = limiterAt(1, 1);
      limiter.take('a');
      expect(limiter.take('a').allowed).toBe(false);
      expect(limiter.take('b').allowed).toBe(true);
    });
  });

  describe('when a long idle time has passed', () => {
    test('the bucket holds no more than its burst', () => {
      const { limiter, advance } = limiterAt(2, 1);
      limiter.take('a');
      advance(3600);
      expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((d) => d.allowed)).toEqual([
        true,
        true,
        false,
      ]);
    });
  });

  describe('when an attacker rotates through many keys', () => {
    test('memory stays bounded: only the most recent keys are remembered', () => {
      const { limiter } = limiterAt(1, 1, 1000);
      for (let i = 0; i < 20_000; i++) limiter.take(`key-${i}`);
      expect(limiter.size).toBe(1000);
    });

    test('a key in use is kept while idle ones are forgotten first', () => {
      const { limiter } = limiterAt(1, 0.001, 3);
      limiter.take('busy');
      limiter.take('x');
      limiter.take('y');
      limiter.take('busy');
      limiter.take('z');
      expect(limiter.take('busy').allowed).toBe(false);
    });
  });
});
