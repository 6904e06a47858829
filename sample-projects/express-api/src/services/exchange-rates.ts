import axios from 'axios';

import { config } from '../config.js';
import { logger } from '../logger.js';

const FALLBACK_RATES: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79 };

let rates: Record<string, number> = { ...FALLBACK_RATES };

// Warm the rates at boot so the first checkout doesn't pay for the round trip.
const warmup = axios.get<{ rates: Record<string, number> }>(`${config.rates.apiUrl}/latest?base=USD`, { timeout: 2_000 })
  .then((res) => {
    rates = { ...FALLBACK_RATES, ...res.data.rates };
  })
  .catch((err: unknown) => {
    logger.warn({ err }, 'exchange rate warmup failed, using fallback rates');
  });

export async function convertCents(amountCents: number, from: string, to: string): Promise<number> {
  await warmup;
  const fromRate = rates[from];
  const toRate = rates[to];
  if (fromRate === undefined || toRate === undefined) {
    throw new Error(`no exchange rate for ${from}->${to}`);
  }
  return Math.round((amountCents / fromRate) * toRate);
}
