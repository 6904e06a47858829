export type Currency = 'USD' | 'EUR' | 'GBP';

const SYMBOLS: Record<Currency, string> = { USD: '$', EUR: '€', GBP: '£' };

export function formatMoney(cents: number, currency: Currency): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}${SYMBOLS[currency]}${(Math.abs(cents) / 100).toFixed(2)}`;
}

export function applyDiscount(cents: number, percent: number): number {
  return Math.round(cents * (1 - Math.min(Math.max(percent, 0), 100) / 100));
}
