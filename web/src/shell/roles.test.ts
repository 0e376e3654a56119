import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types.ts';
import { ROLE_HOME, safeNext, signInPathFor } from './roles.ts';

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/admin/audit?before=10')).toBe('/admin/audit?before=10');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe('role homes', () => {
  it('gives every role a home', () => {
    for (const role of ROLES) expect(ROLE_HOME[role]).toMatch(/^\/[a-z]+$/);
  });

  it('sends citizen pages to the citizen sign-in and staff pages to the staff sign-in', () => {
    expect(signInPathFor(['citizen'], '/saya/data')).toBe('/masuk?next=%2Fsaya%2Fdata');
    expect(signInPathFor(['mpp_admin'], '/admin')).toBe('/masuk/petugas?next=%2Fadmin');
  });
});
