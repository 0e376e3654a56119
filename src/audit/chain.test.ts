import { describe, expect, it } from 'vitest';
import { checkChainEnd, GENESIS_HASH } from './chain.ts';

const h = (c: string) => c.repeat(64);

describe('checkChainEnd: the walked chain against its head', () => {
  it('holds when the chain ends exactly at the head, or both are empty', () => {
    expect(checkChainEnd({ seq: 7, hash: h('a') }, { seq: 7, hash: h('a') })).toBeNull();
    expect(checkChainEnd({ seq: 0, hash: GENESIS_HASH }, null)).toBeNull();
  });

  it('finds the newest rows deleted: the head names rows the chain no longer has', () => {
    expect(checkChainEnd({ seq: 5, hash: h('a') }, { seq: 7, hash: h('b') })).toEqual({ seq: 6, problem: 'missing_tail', headSeq: 7 });
    // Every row gone, the head still there.
    expect(checkChainEnd({ seq: 0, hash: GENESIS_HASH }, { seq: 3, hash: h('b') })).toEqual({ seq: 1, problem: 'missing_tail', headSeq: 3 });
  });

  it('finds rows written past the head, a rewritten chain of the same length, and a head that is gone', () => {
    expect(checkChainEnd({ seq: 9, hash: h('a') }, { seq: 7, hash: h('b') })).toEqual({ seq: 8, problem: 'beyond_head' });
    expect(checkChainEnd({ seq: 7, hash: h('a') }, { seq: 7, hash: h('b') })).toEqual({ seq: 7, problem: 'head_mismatch' });
    expect(checkChainEnd({ seq: 4, hash: h('a') }, null)).toEqual({ seq: 4, problem: 'missing_head' });
  });
});
