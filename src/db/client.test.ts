import { describe, expect, it } from 'vitest';
import { utcConnection } from './client.ts';

describe('utcConnection', () => {
  it('adds TimeZone=UTC as a startup option and leaves a plain URL as it is', () => {
    expect(utcConnection('postgres://app:secret@db.internal:5432/satupintu?sslmode=require')).toEqual({
      connectionString: 'postgres://app:secret@db.internal:5432/satupintu?sslmode=require',
      options: '-c TimeZone=UTC',
    });
  });

  it("keeps the URL's own options (they would otherwise replace ours)", () => {
    const { connectionString, options } = utcConnection(`postgres://db/satupintu?sslmode=disable&options=${encodeURIComponent('-c search_path=app')}`);
    expect(options).toBe('-c search_path=app -c TimeZone=UTC');
    expect(connectionString).toBe('postgres://db/satupintu?sslmode=disable');
  });

  it('passes a string it cannot parse through unchanged', () => {
    expect(utcConnection('not a url')).toEqual({ connectionString: 'not a url', options: '-c TimeZone=UTC' });
  });
});
