import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Indonesian mobile numbers only (SMS/WhatsApp need a mobile line); returns E.164 (+628…) or null. */
export function normaliseMobile(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'ID');
  if (!parsed || parsed.country !== 'ID' || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}

/** +6281234567890 → +62 812-••••-7890, for screens that confirm where a code went. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)} ${e164.slice(3, 6)}-••••-${e164.slice(-4)}`;
}
