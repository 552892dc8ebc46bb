import { describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock.js';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures, lets one probe through later, and closes on success', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(clock, 3, 10_000);
    for (let i = 0; i < 2; i++) breaker.failure('p');
    expect(breaker.canRequest('p')).toBe(true);
    breaker.failure('p');
    expect(breaker.status('p')).toBe('open');
    expect(breaker.canRequest('p')).toBe(false);
    clock.advance(10_001);
    expect(breaker.canRequest('p')).toBe(true);
    expect(breaker.canRequest('p')).toBe(false);
    breaker.success('p');
    expect(breaker.status('p')).toBe('closed');
    expect(breaker.canRequest('p')).toBe(true);
  });

  it('reopens when the probe fails', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(clock, 1, 1000);
    breaker.failure('p');
    clock.advance(1001);
    expect(breaker.canRequest('p')).toBe(true);
    breaker.failure('p');
    expect(breaker.canRequest('p')).toBe(false);
  });

  it('keeps providers apart', () => {
    const breaker = new CircuitBreaker(manualClock(), 1, 1000);
    breaker.failure('a');
    expect(breaker.canRequest('a')).toBe(false);
    expect(breaker.canRequest('b')).toBe(true);
  });
});
